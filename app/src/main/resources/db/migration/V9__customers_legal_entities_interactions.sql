-- Customers: legal entities (razones sociales) and the interaction log.

create table customer_legal_entities (
    tenant_id   uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    legal_name  text        not null,
    tax_id      text,
    nrc         text,
    is_default  boolean     not null default false,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index customer_legal_entities_customer_idx on customer_legal_entities (tenant_id, customer_id);
create unique index customer_legal_entities_default_idx on customer_legal_entities (tenant_id, customer_id) where is_default;

create table customer_interactions (
    tenant_id   uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    kind        text        not null check (kind in ('CALL', 'VISIT', 'EMAIL', 'NOTE', 'MESSAGE')),
    occurred_at timestamptz not null,
    summary     text        not null,
    user_id     uuid,
    -- what else it belongs to (a conversation, a service request, ...), so other modules can add to the log
    linked_type text,
    linked_id   text,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index customer_interactions_customer_idx on customer_interactions (tenant_id, customer_id, occurred_at desc);

alter table customer_legal_entities enable row level security;
alter table customer_legal_entities force row level security;
create policy tenant_isolation on customer_legal_entities
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table customer_interactions enable row level security;
alter table customer_interactions force row level security;
create policy tenant_isolation on customer_interactions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on customer_legal_entities to ${appRole};
grant select, insert on customer_interactions to ${appRole};
