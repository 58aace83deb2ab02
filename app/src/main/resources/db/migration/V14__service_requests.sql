-- Service requests: service types, SLA policies, the business calendar, requests with their line items,
-- media, transitions, field changes and assignments.

-- Per-tenant settings of the module: manager approval before quoting, and the business calendar.
create table service_request_settings (
    tenant_id         uuid        not null primary key references tenants (id),
    approval_required boolean     not null default false,
    time_zone         text        not null,
    -- {"MONDAY": [["08:00","12:00"],["13:00","17:00"]], ...}; a window may end at "24:00"
    week              jsonb       not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);

create table business_holidays (
    tenant_id uuid not null references tenants (id),
    day       date not null,
    name      text not null,
    primary key (tenant_id, day)
);

create table service_types (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null,
    code        text        not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        text        not null,
    -- which rules check the type-specific data
    data_schema text        not null check (data_schema in ('PORTABLE_TOILETS', 'SEPTIC_TANK', 'WASTEWATER_PLANT', 'FREE_FORM')),
    auto_assign boolean     not null default false,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);

create table sla_policies (
    tenant_id          uuid        not null references tenants (id),
    id                 uuid        not null,
    name               text        not null,
    service_type_id    uuid,
    priority           text check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    response_minutes   integer     not null check (response_minutes > 0),
    resolution_minutes integer     not null check (resolution_minutes > 0),
    active             boolean     not null default true,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, service_type_id) references service_types (tenant_id, id)
);
create unique index sla_policies_match_idx on sla_policies (tenant_id, coalesce(service_type_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(priority, '')) where active;

create table service_request_numbers (
    tenant_id  uuid   not null primary key references tenants (id),
    last_value bigint not null
);

create table service_requests (
    tenant_id              uuid        not null references tenants (id),
    id                     uuid        not null,
    number                 text        not null,
    customer_id            uuid        not null,
    contact_id             uuid,
    address_id             uuid,
    service_type_id        uuid        not null,
    owner_id               uuid,
    priority               text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    channel                text        not null check (channel in ('WHATSAPP', 'WEB', 'PHONE', 'EMAIL', 'WALK_IN', 'OTHER')),
    requested_date         date,
    description            text        not null,
    type_data              jsonb       not null default '{}',
    status                 text        not null check (status in ('NEW', 'IN_REVIEW', 'PENDING_APPROVAL', 'QUOTED', 'ACCEPTED',
                                                   'SCHEDULED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'COMPLETED',
                                                   'CANCELLED', 'LOST')),
    resume_to              text,
    status_reason          text,
    -- SLA: the targets chosen at creation, when they were met, and the instants the SLA job watches
    sla_policy_id          uuid,
    response_minutes       integer,
    resolution_minutes     integer,
    responded_at           timestamptz,
    closed_at              timestamptz,
    response_at_risk_at    timestamptz,
    response_due_at        timestamptz,
    resolution_at_risk_at  timestamptz,
    resolution_due_at      timestamptz,
    response_sla           text check (response_sla in ('ON_TRACK', 'AT_RISK', 'BREACHED', 'FULFILLED', 'STOPPED')),
    resolution_sla         text check (resolution_sla in ('ON_TRACK', 'AT_RISK', 'BREACHED', 'FULFILLED', 'STOPPED')),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    created_by             uuid,
    version                bigint      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, number),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id),
    foreign key (tenant_id, service_type_id) references service_types (tenant_id, id)
);
create index service_requests_list_idx on service_requests (tenant_id, created_at desc, id desc);
create index service_requests_status_idx on service_requests (tenant_id, status, created_at desc);
create index service_requests_owner_idx on service_requests (tenant_id, owner_id, created_at desc);
create index service_requests_customer_idx on service_requests (tenant_id, customer_id, created_at desc);
create index service_requests_type_idx on service_requests (tenant_id, service_type_id, created_at desc);
-- what the SLA job looks at: clocks on track whose at-risk point has come, at risk whose due point has come
create index service_requests_response_risk_idx on service_requests (tenant_id, response_at_risk_at)
    where response_sla = 'ON_TRACK';
create index service_requests_response_due_idx on service_requests (tenant_id, response_due_at)
    where response_sla = 'AT_RISK';
create index service_requests_resolution_risk_idx on service_requests (tenant_id, resolution_at_risk_at)
    where resolution_sla = 'ON_TRACK';
create index service_requests_resolution_due_idx on service_requests (tenant_id, resolution_due_at)
    where resolution_sla = 'AT_RISK';

create table service_request_pauses (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    paused_at  timestamptz not null,
    resumed_at timestamptz,
    primary key (tenant_id, request_id, paused_at),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);

create table service_request_items (
    tenant_id       uuid          not null,
    id              uuid          not null,
    request_id      uuid          not null,
    position        integer       not null,
    catalog_item_id uuid,
    sku             text,
    description     text          not null,
    quantity        numeric(12,3) not null check (quantity > 0),
    unit            text          not null,
    unit_price      numeric(14,2) not null check (unit_price >= 0),
    currency        char(3)       not null check (currency in ('GTQ', 'USD')),
    vat_rate        numeric(5,2)  not null check (vat_rate >= 0),
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);
create index service_request_items_request_idx on service_request_items (tenant_id, request_id, position);

create table service_request_media (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    file_id    uuid        not null,
    added_at   timestamptz not null,
    added_by   uuid,
    primary key (tenant_id, request_id, file_id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);

create table service_request_transitions (
    tenant_id   uuid        not null,
    id          uuid        not null,
    request_id  uuid        not null,
    from_status text,
    to_status   text        not null,
    actor_id    uuid,
    at          timestamptz not null,
    comment     text,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);
create index service_request_transitions_request_idx on service_request_transitions (tenant_id, request_id, at);

create table service_request_changes (
    tenant_id  uuid        not null,
    id         uuid        not null,
    request_id uuid        not null,
    field      text        not null,
    old_value  text,
    new_value  text,
    actor_id   uuid,
    at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);
create index service_request_changes_request_idx on service_request_changes (tenant_id, request_id, at);

create table service_request_assignments (
    tenant_id  uuid        not null,
    id         uuid        not null,
    request_id uuid        not null,
    from_owner uuid,
    to_owner   uuid,
    method     text        not null check (method in ('MANUAL', 'ROUND_ROBIN', 'CREATOR')),
    actor_id   uuid,
    at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);
create index service_request_assignments_request_idx on service_request_assignments (tenant_id, request_id, at);

-- The last rep a type's round robin chose.
create table round_robin_cursors (
    tenant_id       uuid        not null references tenants (id),
    service_type_id uuid        not null,
    last_user_id    uuid,
    updated_at      timestamptz not null,
    primary key (tenant_id, service_type_id)
);

-- SLA events published by the SLA job: at most one of each kind per clock.
create table service_request_sla_events (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    clock      text        not null check (clock in ('RESPONSE', 'RESOLUTION')),
    event      text        not null check (event in ('AT_RISK', 'BREACHED')),
    at         timestamptz not null,
    primary key (tenant_id, request_id, clock, event),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);

create table service_request_saved_filters (
    tenant_id  uuid        not null references tenants (id),
    id         uuid        not null,
    user_id    uuid        not null,
    name       text        not null,
    query      jsonb       not null,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, user_id, name)
);

alter table service_request_settings enable row level security;
alter table service_request_settings force row level security;
create policy tenant_isolation on service_request_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table business_holidays enable row level security;
alter table business_holidays force row level security;
create policy tenant_isolation on business_holidays
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_types enable row level security;
alter table service_types force row level security;
create policy tenant_isolation on service_types
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table sla_policies enable row level security;
alter table sla_policies force row level security;
create policy tenant_isolation on sla_policies
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_numbers enable row level security;
alter table service_request_numbers force row level security;
create policy tenant_isolation on service_request_numbers
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_requests enable row level security;
alter table service_requests force row level security;
create policy tenant_isolation on service_requests
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_pauses enable row level security;
alter table service_request_pauses force row level security;
create policy tenant_isolation on service_request_pauses
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_items enable row level security;
alter table service_request_items force row level security;
create policy tenant_isolation on service_request_items
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_media enable row level security;
alter table service_request_media force row level security;
create policy tenant_isolation on service_request_media
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_transitions enable row level security;
alter table service_request_transitions force row level security;
create policy tenant_isolation on service_request_transitions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_changes enable row level security;
alter table service_request_changes force row level security;
create policy tenant_isolation on service_request_changes
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_assignments enable row level security;
alter table service_request_assignments force row level security;
create policy tenant_isolation on service_request_assignments
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table round_robin_cursors enable row level security;
alter table round_robin_cursors force row level security;
create policy tenant_isolation on round_robin_cursors
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_sla_events enable row level security;
alter table service_request_sla_events force row level security;
create policy tenant_isolation on service_request_sla_events
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table service_request_saved_filters enable row level security;
alter table service_request_saved_filters force row level security;
create policy tenant_isolation on service_request_saved_filters
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on service_request_settings, service_types, sla_policies, service_request_numbers,
    service_requests, service_request_pauses, round_robin_cursors to ${appRole};
grant select, insert, delete on business_holidays, service_request_items, service_request_media,
    service_request_saved_filters to ${appRole};
grant delete on sla_policies to ${appRole};
grant select, insert on service_request_transitions, service_request_changes, service_request_assignments,
    service_request_sla_events to ${appRole};
