-- Customers: addresses (referencing the geographic catalog) and documents (stored as files).

create table customer_addresses (
    tenant_id       uuid          not null,
    id              uuid          not null,
    customer_id     uuid          not null,
    kind            text          not null check (kind in ('FISCAL', 'BILLING', 'SERVICE_SITE', 'SHIPPING')),
    department_id   text          not null references geo_departments (id),
    municipality_id text          not null references geo_municipalities (id),
    district_id     text          references geo_districts (id),
    zone            text,
    street          text          not null,
    reference       text,
    latitude        numeric(9, 6) check (latitude between -90 and 90),
    longitude       numeric(9, 6) check (longitude between -180 and 180),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index customer_addresses_customer_idx on customer_addresses (tenant_id, customer_id);
create index customer_addresses_department_idx on customer_addresses (tenant_id, department_id);

create table customer_documents (
    tenant_id   uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    type        text        not null check (type in ('DPI', 'DUI', 'NIT', 'RTU', 'NRC', 'CONTRACT', 'PERMIT', 'OTHER')),
    -- AES-256-GCM with key id: national id numbers are secrets at rest
    number      text,
    expires_on  date,
    file_id     uuid,
    created_at  timestamptz not null,
    created_by  uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, file_id) references stored_files (tenant_id, id)
);
create index customer_documents_customer_idx on customer_documents (tenant_id, customer_id);
create index customer_documents_expiry_idx on customer_documents (tenant_id, expires_on) where expires_on is not null;

alter table customer_addresses enable row level security;
alter table customer_addresses force row level security;
create policy tenant_isolation on customer_addresses
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table customer_documents enable row level security;
alter table customer_documents force row level security;
create policy tenant_isolation on customer_documents
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on customer_addresses, customer_documents to ${appRole};
