-- Audit: append-only. The application role may insert and read, never update or delete.

create table audit_log (
    tenant_id   uuid        not null,
    id          uuid        not null,
    occurred_at timestamptz not null,
    actor_id    uuid,
    action      text        not null check (action in ('CREATE', 'UPDATE', 'DELETE', 'SECURITY')),
    entity_type text        not null,
    entity_id   text,
    summary     text,
    before      jsonb,
    after       jsonb,
    changes     jsonb,
    request_id  text,
    ip          text,
    primary key (tenant_id, id)
);
create index audit_log_time_idx on audit_log (tenant_id, occurred_at desc);
create index audit_log_entity_idx on audit_log (tenant_id, entity_type, entity_id);

create table api_usage_log (
    tenant_id   uuid        not null,
    id          uuid        not null,
    occurred_at timestamptz not null,
    user_id     uuid,
    method      text        not null,
    route       text        not null,
    query       text,
    status      integer     not null,
    duration_ms integer     not null,
    request_id  text,
    primary key (tenant_id, id)
);
create index api_usage_log_time_idx on api_usage_log (tenant_id, occurred_at desc);

-- Row-level security: no tenant set, no rows (fail closed).
alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy tenant_isolation on audit_log
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table api_usage_log enable row level security;
alter table api_usage_log force row level security;
create policy tenant_isolation on api_usage_log
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on audit_log, api_usage_log to ${appRole};
