-- Inbox: a webhook delivery's messages stored in one call (decision 0009). Owned here, as repeatable
-- source: a change edits this file; first written in V32, last in V39.

create or replace function inbox_store_inbound(
    p_tenant uuid, p_received timestamptz[], p_event_at timestamptz, p_notify text,
    p_contacts uuid[], p_names text[], p_ids uuid[], p_channels uuid[], p_external text[], p_types text[],
    p_bodies text[], p_payloads text[], p_contexts text[], p_sent timestamptz[], p_media boolean[],
    p_rest text[])
returns table (out_ord integer, out_stored boolean, out_waits boolean, out_conversation uuid)
language plpgsql volatile
as $$
declare
    i integer;
    v_waits boolean;
    v_conversation uuid;
    v_notified text;
begin
    for i in 1 .. coalesce(array_length(p_ids, 1), 0) loop
        update inbox_contacts k
           set name = coalesce(p_names[i], k.name), last_inbound_at = greatest(k.last_inbound_at, p_sent[i])
         where k.tenant_id = p_tenant and k.id = p_contacts[i];
        with m as (
            insert into inbox_messages (tenant_id, id, channel_id, contact_id, conversation_id, direction,
                external_id, type, body, payload, context_id, sent_at, received_at, status, processed_at)
            values (p_tenant, p_ids[i], p_channels[i], p_contacts[i],
                (select v.id from inbox_conversations v
                  where v.tenant_id = p_tenant and v.contact_id = p_contacts[i] and v.status <> 'RESOLVED'),
                'IN', p_external[i], p_types[i], p_bodies[i], cast(p_payloads[i] as jsonb), p_contexts[i], p_sent[i],
                p_received[i], 'RECEIVED',
                case when p_media[i] or exists (select 1 from inbox_messages w
                                                 where w.tenant_id = p_tenant and w.contact_id = p_contacts[i]
                                                   and w.direction = 'IN' and w.processed_at is null)
                     then null else p_received[i] end)
            on conflict (tenant_id, channel_id, external_id) do nothing
            returning inbox_messages.conversation_id, inbox_messages.processed_at is null as waits),
        c as (
            update inbox_conversations v
               set status = case when v.status = 'SNOOZED' then 'OPEN' else v.status end,
                   snoozed_until = case when v.status = 'SNOOZED' then null else v.snoozed_until end,
                   last_message_at = greatest(v.last_message_at, p_sent[i]), updated_at = p_received[i]
              from m
             where v.tenant_id = p_tenant and v.id = m.conversation_id and v.status <> 'RESOLVED'
            returning v.id, '{"conversationId":"' || v.id || '",' || p_rest[i] as data),
        e as (
            insert into inbox_events (tenant_id, kind, conversation_id, payload, created_at)
            select p_tenant, 'message.new', c.id, cast(c.data as jsonb), p_event_at from c
            returning inbox_events.id)
        select m.waits, c.id,
               case when e.id is not null
                    then pg_notify(p_notify, cast(p_tenant as text) || ':' || e.id)
               end
          into v_waits, v_conversation, v_notified
          from m left join c on true left join e on true;
        out_ord := i;
        out_stored := found;
        out_waits := coalesce(v_waits, false);
        out_conversation := v_conversation;
        return next;
    end loop;
end
$$;
