-- Conversations: a contact's messages on a channel, open until resolved; a resolved one reopens when the
-- contact writes again within the channel's reopen window, otherwise a new one starts. Private notes.
-- Inbox contacts are linked to CRM customers by phone (suggested, then confirmed by staff).

alter table inbox_channels add column reopen_hours integer not null default 24 check (reopen_hours between 0 and 720);

alter table inbox_contacts add column customer_id uuid;
alter table inbox_contacts add column customer_confirmed boolean not null default false;

create table inbox_conversations (
    tenant_id       uuid        not null,
    id              uuid        not null,
    channel_id      uuid        not null,
    contact_id      uuid        not null,
    status          text        not null check (status in ('OPEN', 'PENDING', 'SNOOZED', 'RESOLVED')),
    priority        text        not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    assignee_id     uuid,
    snoozed_until   timestamptz,
    labels          text[]      not null default '{}',
    last_message_at timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    resolved_at     timestamptz,
    version         bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references inbox_contacts (tenant_id, id)
);
-- at most one conversation of a contact is not resolved
create unique index inbox_conversations_active_idx on inbox_conversations (tenant_id, contact_id) where status <> 'RESOLVED';
create index inbox_conversations_list_idx on inbox_conversations (tenant_id, status, last_message_at desc);
create index inbox_conversations_assignee_idx on inbox_conversations (tenant_id, assignee_id, last_message_at desc);

alter table inbox_messages add column conversation_id uuid;
create index inbox_messages_conversation_idx on inbox_messages (tenant_id, conversation_id, sent_at, id);

create table inbox_notes (
    tenant_id       uuid        not null,
    id              uuid        not null,
    conversation_id uuid        not null,
    author_id       uuid,
    body            text        not null,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, conversation_id) references inbox_conversations (tenant_id, id)
);

alter table inbox_conversations enable row level security;
alter table inbox_conversations force row level security;
create policy tenant_isolation on inbox_conversations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_notes enable row level security;
alter table inbox_notes force row level security;
create policy tenant_isolation on inbox_notes
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on inbox_conversations to ${appRole};
grant select, insert on inbox_notes to ${appRole};
