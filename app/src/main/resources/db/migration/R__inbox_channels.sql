-- Inbox: the channel lookups of the WhatsApp webhook and of the simulator's Graph endpoints, before any
-- tenant is known (security definer; each answers only the channel its key belongs to). Owned here, as
-- repeatable source: a change edits this file; first written in V17 and V22.

create or replace function inbox_whatsapp_channel(p_phone_number_id text)
    returns table (tenant_id uuid, channel_id uuid, app_secret text, active boolean)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id, c.app_secret, c.active from inbox_channels c
     where c.kind = 'WHATSAPP' and c.phone_number_id = p_phone_number_id
$$;

create or replace function inbox_whatsapp_channels_by_verify_token(p_hash text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.active and c.verify_token_hash = p_hash
$$;

create or replace function inbox_simulated_channel(p_phone_number_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.simulated and c.phone_number_id = p_phone_number_id
$$;

create or replace function inbox_simulated_channels_of_waba(p_waba_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.simulated and c.waba_id = p_waba_id
$$;

revoke all on function inbox_whatsapp_channel(text), inbox_whatsapp_channels_by_verify_token(text) from public;
grant execute on function inbox_whatsapp_channel(text), inbox_whatsapp_channels_by_verify_token(text) to ${appRole};
revoke all on function inbox_simulated_channel(text), inbox_simulated_channels_of_waba(text) from public;
grant execute on function inbox_simulated_channel(text), inbox_simulated_channels_of_waba(text) to ${appRole};
