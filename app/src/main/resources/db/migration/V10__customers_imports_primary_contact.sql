-- One primary contact per customer, and the history of CSV imports (preview, then commit).

-- Older rows may hold several primary contacts: keep the oldest, the others become OTHER.
update customer_contacts k set role = 'OTHER'
 where role = 'PRIMARY'
   and exists (select 1 from customer_contacts p
                where p.tenant_id = k.tenant_id and p.customer_id = k.customer_id and p.role = 'PRIMARY'
                  and (p.created_at, p.id) < (k.created_at, k.id));
create unique index customer_contacts_primary_idx on customer_contacts (tenant_id, customer_id) where role = 'PRIMARY';

create table customer_imports (
    tenant_id     uuid        not null references tenants (id),
    id            uuid        not null,
    file_name     text        not null,
    status        text        not null check (status in ('PREVIEW', 'COMMITTED')),
    total_rows    integer     not null,
    valid_rows    integer     not null,
    error_rows    integer     not null,
    created_count integer,
    -- every parsed row with its values and errors: [{line, values: {...}, errors: [{field, code, message}]}]
    rows          jsonb       not null,
    created_at    timestamptz not null,
    created_by    uuid,
    committed_at  timestamptz,
    committed_by  uuid,
    primary key (tenant_id, id)
);
create index customer_imports_created_idx on customer_imports (tenant_id, created_at desc);

alter table customer_imports enable row level security;
alter table customer_imports force row level security;
create policy tenant_isolation on customer_imports
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on customer_imports to ${appRole};
