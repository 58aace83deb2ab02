-- Catalog: hierarchical categories with SKU prefixes, products and services with an automatic SKU,
-- and the history of their prices.

create table catalog_categories (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null,
    parent_id   uuid,
    name        text        not null,
    sku_prefix  text        not null check (sku_prefix ~ '^[A-Z0-9]{2,6}$'),
    description text,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, sku_prefix),
    check (parent_id is null or parent_id <> id),
    -- a root has no parent: MATCH SIMPLE skips the check when parent_id is null
    foreign key (tenant_id, parent_id) references catalog_categories (tenant_id, id)
);
create index catalog_categories_parent_idx on catalog_categories (tenant_id, parent_id);

create table catalog_items (
    tenant_id   uuid          not null references tenants (id),
    id          uuid          not null,
    category_id uuid          not null,
    kind        text          not null check (kind in ('PRODUCT', 'SERVICE')),
    sku         text          not null,
    name        text          not null,
    description text,
    unit        text          not null check (unit in ('UNIT', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'M3', 'LITER', 'KG',
                                                       'TRIP', 'SERVICE', 'BOX')),
    price       numeric(14,2) not null check (price >= 0),
    currency    char(3)       not null check (currency in ('GTQ', 'USD')),
    vat_rate    numeric(5,2)  not null check (vat_rate >= 0 and vat_rate <= 100),
    active      boolean       not null default true,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    created_by  uuid,
    version     bigint        not null default 0,
    primary key (tenant_id, id),
    -- items are never deleted (only deactivated), so a SKU once given stays taken
    unique (tenant_id, sku),
    foreign key (tenant_id, category_id) references catalog_categories (tenant_id, id)
);
create index catalog_items_category_idx on catalog_items (tenant_id, category_id);
create index catalog_items_list_idx on catalog_items (tenant_id, active, name);
create index catalog_items_name_trgm_idx on catalog_items using gin (lower(f_unaccent(name)) gin_trgm_ops);

-- The last number given per SKU prefix. Taken with insert .. on conflict do update .. returning: the
-- row lock serialises concurrent creations in one prefix, and the row outlives its category.
create table catalog_sku_sequences (
    tenant_id  uuid   not null references tenants (id),
    prefix     text   not null,
    last_value bigint not null,
    primary key (tenant_id, prefix)
);

create table catalog_price_history (
    tenant_id    uuid          not null,
    id           uuid          not null,
    item_id      uuid          not null,
    old_price    numeric(14,2),
    new_price    numeric(14,2) not null,
    old_currency char(3),
    new_currency char(3)       not null,
    changed_by   uuid,
    changed_at   timestamptz   not null,
    reason       text,
    primary key (tenant_id, id),
    foreign key (tenant_id, item_id) references catalog_items (tenant_id, id)
);
create index catalog_price_history_item_idx on catalog_price_history (tenant_id, item_id, changed_at desc);

alter table catalog_categories enable row level security;
alter table catalog_categories force row level security;
create policy tenant_isolation on catalog_categories
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table catalog_items enable row level security;
alter table catalog_items force row level security;
create policy tenant_isolation on catalog_items
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table catalog_sku_sequences enable row level security;
alter table catalog_sku_sequences force row level security;
create policy tenant_isolation on catalog_sku_sequences
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table catalog_price_history enable row level security;
alter table catalog_price_history force row level security;
create policy tenant_isolation on catalog_price_history
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on catalog_categories, catalog_items, catalog_sku_sequences to ${appRole};
grant delete on catalog_categories to ${appRole};
-- the price history is append-only
grant select, insert on catalog_price_history to ${appRole};
