-- Customers (CRM): the companies and people a tenant serves, with their contacts.

-- unaccent() is only STABLE (its dictionary could change); indexes need an IMMUTABLE wrapper.
create function f_unaccent(text) returns text
    language sql immutable parallel safe strict
as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The digits of every phone, space separated ("50255551234 50322223333"); immutable so a generated
-- column can use it (array_to_string is only STABLE in general, but is immutable for text[]).
create function f_phone_digits(text[]) returns text
    language sql immutable parallel safe strict
as $$ select regexp_replace(array_to_string($1, ' '), '[^0-9 ]', '', 'g') $$;

create table customers (
    tenant_id       uuid        not null references tenants (id),
    id              uuid        not null,
    kind            text        not null check (kind in ('COMPANY', 'PERSON')),
    commercial_name text        not null,
    tax_id          text,
    country         char(2)     not null check (country in ('GT', 'SV')),
    status          text        not null check (status in ('ACTIVE', 'BLOCKED', 'DELETED')),
    status_reason   text,
    owner_id        uuid,
    tags            text[]      not null default '{}',
    notes           text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    created_by      uuid,
    version         bigint      not null default 0,
    primary key (tenant_id, id)
);
create index customers_name_trgm_idx on customers using gin (lower(f_unaccent(commercial_name)) gin_trgm_ops);
create index customers_tax_id_idx on customers (tenant_id, tax_id) where tax_id is not null;
create index customers_owner_idx on customers (tenant_id, owner_id, commercial_name);
create index customers_list_idx on customers (tenant_id, status, commercial_name);

create table customer_contacts (
    tenant_id   uuid        not null,
    id          uuid        not null,
    customer_id uuid        not null,
    full_name   text        not null,
    role        text        not null check (role in ('PRIMARY', 'BILLING', 'PURCHASING', 'SITE', 'OTHER')),
    phones      text[]      not null default '{}',
    emails      text[]      not null default '{}',
    -- for search however the phone was typed
    phone_digits text generated always as (f_phone_digits(phones)) stored,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index customer_contacts_customer_idx on customer_contacts (tenant_id, customer_id);
create index customer_contacts_name_trgm_idx on customer_contacts using gin (lower(f_unaccent(full_name)) gin_trgm_ops);
create index customer_contacts_phone_trgm_idx on customer_contacts using gin (phone_digits gin_trgm_ops);
create index customer_contacts_emails_idx on customer_contacts using gin (emails);

alter table customers enable row level security;
alter table customers force row level security;
create policy tenant_isolation on customers
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table customer_contacts enable row level security;
alter table customer_contacts force row level security;
create policy tenant_isolation on customer_contacts
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on customers, customer_contacts to ${appRole};
grant delete on customer_contacts to ${appRole};
grant execute on function f_unaccent(text), f_phone_digits(text[]) to ${appRole};
