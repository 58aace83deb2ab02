-- A status can arrive before the send that caused it has stored its message id (Meta answers the send,
-- then the webhook may come first): such statuses wait here and are applied when the id is stored.
create table inbox_pending_statuses (
    tenant_id   uuid        not null,
    channel_id  uuid        not null,
    external_id text        not null,
    status      text        not null check (status in ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    error       jsonb,
    received_at timestamptz not null,
    primary key (tenant_id, channel_id, external_id, status)
);
create index inbox_pending_statuses_received_idx on inbox_pending_statuses (received_at);

alter table inbox_pending_statuses enable row level security;
alter table inbox_pending_statuses force row level security;
create policy tenant_isolation on inbox_pending_statuses
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on inbox_pending_statuses to ${appRole};
