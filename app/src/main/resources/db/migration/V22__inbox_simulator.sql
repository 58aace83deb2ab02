-- The WhatsApp simulator (development and demos): a channel can be simulated (its Graph API calls go to
-- the simulator, not to Meta), and the simulator keeps the threads of its simulated phones.

alter table inbox_channels add column simulated boolean not null default false;

-- Meta's side of a simulated channel: a send names only its phone number id and carries the channel's
-- access token, before any tenant is known (like the webhook's inbox_whatsapp_channel)
create function inbox_simulated_channel(p_phone_number_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.simulated and c.phone_number_id = p_phone_number_id
$$;
-- and a template list names only the WhatsApp Business Account
create function inbox_simulated_channels_of_waba(p_waba_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select c.tenant_id, c.id from inbox_channels c
     where c.kind = 'WHATSAPP' and c.simulated and c.waba_id = p_waba_id
$$;
revoke all on function inbox_simulated_channel(text), inbox_simulated_channels_of_waba(text) from public;
grant execute on function inbox_simulated_channel(text), inbox_simulated_channels_of_waba(text) to ${appRole};

-- the customers' phones the tester writes as, per simulated channel
create table simulator_phones (
    tenant_id    uuid        not null references tenants (id),
    id           uuid        not null,
    channel_id   uuid        not null,
    wa_id        text        not null check (wa_id ~ '^[1-9][0-9]{7,14}$'),
    profile_name text        not null,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, channel_id, wa_id),
    foreign key (tenant_id, channel_id) references inbox_channels (tenant_id, id)
);

-- both directions of a phone's thread, named as the inbox names them: IN = the phone sent it to the platform
-- (a signed webhook; ACCEPTED or REJECTED by it), OUT = the platform sent it to the phone (what Meta received;
-- SENT, DELIVERED, READ as the simulator reported them). Media the phone sent is served from here.
create table simulator_messages (
    tenant_id     uuid        not null,
    id            uuid        not null,
    phone_id      uuid        not null,
    direction     text        not null check (direction in ('IN', 'OUT')),
    wamid         text        not null,
    type          text        not null,
    body          text,
    payload       jsonb       not null,
    status        text        not null check (status in ('SENT', 'DELIVERED', 'READ', 'ACCEPTED', 'REJECTED')),
    media_id      text,
    media_type    text,
    media_sha256  text,
    media         bytea,
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, wamid),
    foreign key (tenant_id, phone_id) references simulator_phones (tenant_id, id) on delete cascade
);
create index simulator_messages_phone_idx on simulator_messages (tenant_id, phone_id, created_at);
create unique index simulator_messages_media_idx on simulator_messages (media_id) where media_id is not null;

-- media the platform uploaded (POST /{phone-number-id}/media) to send by its id, as Meta keeps it
create table simulator_uploads (
    tenant_id  uuid        not null references tenants (id),
    media_id   text        not null,
    channel_id uuid        not null,
    media_type text        not null,
    sha256     text        not null,
    bytes      bytea       not null,
    filename   text,
    created_at timestamptz not null,
    primary key (tenant_id, media_id),
    foreign key (tenant_id, channel_id) references inbox_channels (tenant_id, id)
);
create unique index simulator_uploads_media_idx on simulator_uploads (media_id);

-- the Graph media endpoints know only the media id: which tenant's and channel's it is
create function simulator_media_owner(p_media_id text)
    returns table (tenant_id uuid, channel_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select m.tenant_id, p.channel_id from simulator_messages m
      join simulator_phones p on p.tenant_id = m.tenant_id and p.id = m.phone_id
     where m.media_id = p_media_id
    union all
    select u.tenant_id, u.channel_id from simulator_uploads u where u.media_id = p_media_id
$$;
revoke all on function simulator_media_owner(text) from public;
grant execute on function simulator_media_owner(text) to ${appRole};

alter table simulator_phones enable row level security;
alter table simulator_phones force row level security;
create policy tenant_isolation on simulator_phones
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table simulator_messages enable row level security;
alter table simulator_messages force row level security;
create policy tenant_isolation on simulator_messages
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table simulator_uploads enable row level security;
alter table simulator_uploads force row level security;
create policy tenant_isolation on simulator_uploads
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on simulator_phones, simulator_messages, simulator_uploads to ${appRole};

-- the new permission inbox:simulate belongs to every tenant's administrator role
insert into role_permissions (tenant_id, role_id, permission)
select r.tenant_id, r.id, 'inbox:simulate' from roles r where r.system and r.code = 'ADMIN'
on conflict do nothing;
