-- The simulator's status webhooks (sent, delivered) for what the platform sends are posted by timers in memory;
-- a restart loses them. `reported` is the last status the platform took for an outbound message, so that a
-- sweep (Simulator.reportMissed, every 30 s) posts what a lost timer did not. Messages already there count
-- as reported: they were, or are too old to matter.
alter table simulator_messages add column reported text check (reported in ('SENT', 'DELIVERED', 'READ'));
update simulator_messages set reported = status where direction = 'OUT' and status in ('SENT', 'DELIVERED', 'READ');

create index simulator_messages_unreported_idx on simulator_messages (created_at)
    where direction = 'OUT' and (reported is null or reported = 'SENT');

-- The outbound messages of every tenant whose delivery was not reported, created between the two instants,
-- oldest first (the sweep runs without a tenant, as Meta's side of the simulator does).
create function simulator_unreported(p_after timestamptz, p_before timestamptz, p_limit integer)
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
revoke all on function simulator_unreported(timestamptz, timestamptz, integer) from public;
grant execute on function simulator_unreported(timestamptz, timestamptz, integer) to ${appRole};
