-- Simulator: which tenant a simulated phone's upload belongs to, and the statuses not yet reported. Owned
-- here, as repeatable source: a change edits this file; first written in V22 and V33.

create or replace function simulator_media_owner(p_media_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select m.tenant_id, p.channel_id from simulator_messages m
      join simulator_phones p on p.tenant_id = m.tenant_id and p.id = m.phone_id
     where m.media_id = p_media_id
    union all
    select u.tenant_id, u.channel_id from simulator_uploads u where u.media_id = p_media_id
$$;

create or replace function simulator_unreported(p_after timestamptz, p_before timestamptz, p_limit integer)
    returns table (tenant_id uuid, channel_id uuid, wa_id text, wamid text, reported text)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select m.tenant_id, p.channel_id, p.wa_id, m.wamid, m.reported from simulator_messages m
      join simulator_phones p on p.tenant_id = m.tenant_id and p.id = m.phone_id
     where m.direction = 'OUT' and (m.reported is null or m.reported = 'SENT')
       and m.created_at > p_after and m.created_at < p_before
     order by m.created_at
     limit p_limit
$$;

revoke all on function simulator_media_owner(text) from public;
grant execute on function simulator_media_owner(text) to ${appRole};
revoke all on function simulator_unreported(timestamptz, timestamptz, integer) from public;
grant execute on function simulator_unreported(timestamptz, timestamptz, integer) to ${appRole};
