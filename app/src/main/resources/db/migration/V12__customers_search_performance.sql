-- Customers: list and search fast at 100 000 customers per tenant (bench/customers-search.sh, bench/README.md).

-- The list in name order, without the deleted: walking this index gives a page (the first or a deep
-- one) without sorting every customer of the tenant, and it carries every column of the list and of
-- its filters, so the page, the status / tag / owner filters and the count are index-only scans (no
-- heap access once autovacuum has marked the pages all-visible).
create index customers_names_idx on customers (tenant_id, commercial_name, id)
    include (kind, tax_id, status, owner_id, tags, created_at) where status <> 'DELETED';

-- The same columns by id: the customers a text search found (customers_matching below, up to a few
-- thousand ids for a common surname) are fetched and counted by index-only probes.
create index customers_ids_idx on customers (tenant_id, id)
    include (commercial_name, kind, tax_id, status, owner_id, tags, created_at) where status <> 'DELETED';

-- Names as the search compares them (lower case, no accents), stored: the trigram index's recheck
-- then reads a column instead of calling f_unaccent (an SQL function PostgreSQL cannot inline, since
-- unaccent() is only stable) on every candidate row.
alter table customers add column search_name text generated always as (lower(f_unaccent(commercial_name))) stored;
alter table customer_contacts add column search_name text generated always as (lower(f_unaccent(full_name))) stored;
create index customers_search_name_trgm_idx on customers using gin (search_name gin_trgm_ops);
create index customer_contacts_search_name_trgm_idx on customer_contacts using gin (search_name gin_trgm_ops);
-- their predecessors on the expression: replaced by the two above
drop index customers_name_trgm_idx;
drop index customer_contacts_name_trgm_idx;

-- The text search. Under row-level security the application role never uses a trigram index: LIKE
-- (textlike), like every pg_trgm operator, is not LEAKPROOF, so PostgreSQL applies it only after the
-- tenant policy, row by row, to every customer of the tenant (a sequential scan calling f_unaccent
-- twice per row: 0.3 to 2 s per search at 100 000 customers on 2 busy cores). This function runs as
-- the owner, who bypasses row-level security, and keeps to the tenant in app.tenant_id itself, as the
-- policies do: it answers only which of the current tenant's customers match, each branch through
-- its index (trigrams of the names and of the phone digits, the tax id, the e-mails). The matching
-- rules are those of CustomerManagement before: the name or a contact's name contains the text
-- (accents and case forgiven), the tax id equals it without separators, a phone contains its digits
-- (6 or more), an e-mail equals it. The pattern is computed once (scalar subqueries), not per row.
create function customers_matching(p_q text, p_digits text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 100
as $$
    select c.id from customers c
     where c.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and c.search_name like (select '%' || lower(f_unaccent(p_q)) || '%')
    union
    select c.id from customers c
     where c.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and c.tax_id = (select upper(regexp_replace(p_q, '[\s.-]', '', 'g')))
    union
    select k.customer_id from customer_contacts k
     where k.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and k.search_name like (select '%' || lower(f_unaccent(p_q)) || '%')
    union
    select k.customer_id from customer_contacts k
     where length(p_digits) >= 6
       and k.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and k.phone_digits like (select '%' || p_digits || '%')
    union
    select k.customer_id from customer_contacts k
     where k.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and k.emails @> (select array[lower(p_q)])
$$;
revoke all on function customers_matching(text, text) from public;
grant execute on function customers_matching(text, text) to ${appRole};
