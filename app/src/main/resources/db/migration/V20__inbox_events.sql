-- The inbox's event log: what staff screens receive live (new message, status changed, conversation
-- updated, assignment), kept so a client that reconnects with Last-Event-ID gets what it missed. Each
-- insert is announced with NOTIFY inbox_events, which every instance LISTENs to.
create table inbox_events (
    tenant_id       uuid        not null,
    id              bigint      generated always as identity,
    kind            text        not null,
    conversation_id uuid,
    payload         jsonb       not null,
    created_at      timestamptz not null,
    primary key (tenant_id, id)
);
create index inbox_events_created_idx on inbox_events (created_at);

alter table inbox_events enable row level security;
alter table inbox_events force row level security;
create policy tenant_isolation on inbox_events
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on inbox_events to ${appRole};
