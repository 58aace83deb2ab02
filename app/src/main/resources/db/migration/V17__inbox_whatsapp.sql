-- Inbox, first part: channels (WhatsApp Cloud API), the contacts who write to them, and every message
-- in and out, stored exactly once (unique on channel and external id).

create table inbox_channels (
    tenant_id         uuid        not null references tenants (id),
    id                uuid        not null,
    kind              text        not null check (kind in ('WHATSAPP')),
    name              text        not null,
    phone_number_id   text,
    waba_id           text,
    display_phone     text,
    -- secrets, AES-256-GCM encrypted with the key id inside the stored value
    access_token      text,
    app_secret        text,
    verify_token      text,
    -- SHA-256 of the verify token: the verification handshake finds its channel by it
    verify_token_hash text,
    active            boolean     not null default true,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    primary key (tenant_id, id)
);
-- a phone number belongs to one channel of one tenant across the whole deployment
create unique index inbox_channels_phone_number_idx on inbox_channels (phone_number_id) where phone_number_id is not null;
create index inbox_channels_verify_idx on inbox_channels (verify_token_hash) where verify_token_hash is not null;

create table inbox_contacts (
    tenant_id       uuid        not null,
    id              uuid        not null,
    channel_id      uuid        not null,
    external_id     text        not null,
    name            text,
    phone           text,
    last_inbound_at timestamptz,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, channel_id, external_id),
    foreign key (tenant_id, channel_id) references inbox_channels (tenant_id, id)
);

create table inbox_messages (
    tenant_id   uuid        not null,
    id          uuid        not null,
    channel_id  uuid        not null,
    contact_id  uuid        not null,
    direction   text        not null check (direction in ('IN', 'OUT')),
    external_id text,
    type        text        not null,
    body        text,
    payload     jsonb       not null,
    context_id  text,
    sent_at     timestamptz not null,
    received_at timestamptz not null,
    status      text        not null check (status in ('RECEIVED', 'PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    error       jsonb,
    -- after the message is processed (media downloaded into files, sha256 checked)
    file_id     uuid,
    processed_at timestamptz,
    attempts    integer     not null default 0,
    last_error  text,
    primary key (tenant_id, id),
    unique (tenant_id, channel_id, external_id),
    foreign key (tenant_id, contact_id) references inbox_contacts (tenant_id, id)
);
create index inbox_messages_contact_idx on inbox_messages (tenant_id, contact_id, sent_at, id);
create index inbox_messages_unprocessed_idx on inbox_messages (tenant_id, contact_id, sent_at) where processed_at is null and direction = 'IN';

alter table inbox_channels enable row level security;
alter table inbox_channels force row level security;
create policy tenant_isolation on inbox_channels
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_contacts enable row level security;
alter table inbox_contacts force row level security;
create policy tenant_isolation on inbox_contacts
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_messages enable row level security;
alter table inbox_messages force row level security;
create policy tenant_isolation on inbox_messages
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on inbox_channels, inbox_contacts, inbox_messages to ${appRole};

-- A webhook names its phone number, not its tenant: these find the channel before any tenant is set.
create function inbox_whatsapp_channel(p_phone_number_id text)
    returns table (tenant_id uuid, channel_id uuid, app_secret text, active boolean)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id, c.app_secret, c.active from inbox_channels c
     where c.kind = 'WHATSAPP' and c.phone_number_id = p_phone_number_id
$$;
create function inbox_whatsapp_channels_by_verify_token(p_hash text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.active and c.verify_token_hash = p_hash
$$;
revoke all on function inbox_whatsapp_channel(text), inbox_whatsapp_channels_by_verify_token(text) from public;
grant execute on function inbox_whatsapp_channel(text), inbox_whatsapp_channels_by_verify_token(text) to ${appRole};
