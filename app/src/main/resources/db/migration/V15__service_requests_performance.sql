-- Service requests: the list and its search fast at 200 000 requests per tenant (bench/servicerequests.sh,
-- bench/README.md).

-- The list newest first, carrying every column of the page and of its filters (and the creator, for a
-- sales rep's visibility): the first page, a deep one, the SLA-status filter and the (capped) count walk
-- this index without touching the table (index-only once autovacuum has marked the pages all-visible).
-- It replaces service_requests_list_idx (the same keys).
create index service_requests_page_idx on service_requests (tenant_id, created_at desc, id desc)
    include (number, customer_id, service_type_id, owner_id, created_by, priority, channel, status, requested_date,
             response_sla, resolution_sla, resolution_due_at);
drop index service_requests_list_idx;

-- Statuses of one service type (the board's columns, "new and in review of septic tanks"): the count
-- reads exactly the matching entries instead of scanning the list until 1 001 match (a rare type
-- among 200 000 requests: most of the table).
create index service_requests_type_status_idx on service_requests (tenant_id, service_type_id, status, created_at desc);

-- The description as the search compares it (lower case, no accents), stored, with its trigrams (as
-- customers.search_name in V12).
alter table service_requests add column search_description text
    generated always as (lower(f_unaccent(description))) stored;
create index service_requests_search_description_trgm_idx on service_requests
    using gin (search_description gin_trgm_ops);

-- The text search of the list (q): the number, the customer's name or the description contains the
-- text (accents and case forgiven). Under row-level security the application role cannot use a trigram
-- index (LIKE is not LEAKPROOF, so it is applied after the tenant policy, row by row: f_unaccent on every
-- request's description and customer name, 0.3 s and more at 200 000 requests). These two functions run
-- as the owner, who bypasses row-level security, and keep to the tenant in app.tenant_id themselves, as
-- the policies do; each branch goes through an index and the pattern is computed once (scalar subqueries),
-- not per row. The list then takes the requests of the matching customers (by customer_id, an index the
-- application role can use: uuid equality is leakproof) or among the matching ids: the requests' rows
-- are read once, for the page and its count.

-- the current tenant's customers whose name contains the text (customers.search_name and its trigrams, V12)
create function service_request_customers_matching(p_q text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 20
as $$
    select c.id from customers c
     where c.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and c.search_name like (select '%' || lower(f_unaccent(p_q)) || '%')
$$;

-- the current tenant's requests whose description contains the text, or whose number it is
create function service_requests_matching(p_q text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 100
as $$
    select r.id from service_requests r
     where r.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and r.search_description like (select '%' || lower(f_unaccent(p_q)) || '%')
    union
    select r.id from service_requests r
     where r.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and r.number = (select upper(p_q))
$$;
revoke all on function service_request_customers_matching(text) from public;
revoke all on function service_requests_matching(text) from public;
grant execute on function service_request_customers_matching(text) to ${appRole};
grant execute on function service_requests_matching(text) to ${appRole};
