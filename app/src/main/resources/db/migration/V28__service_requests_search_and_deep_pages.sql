-- Service requests: the text search (q=) and the deep pages of the list cheaper (bench/README.md, issue 5,
-- scenarios e and g).

-- Deep pages (?page=500 and beyond, offset 10 000 and more): the list first finds the key of the row at
-- the offset by walking this narrow index (three keys: 48 bytes an entry, against some 150 for
-- service_requests_page_idx, whose every entry an index-only scan forms in full, 13 columns), then reads
-- its page of 20 from service_requests_page_idx from that key on. Offset 15 000: 1.5 ms of database CPU
-- instead of 4.1.
create index service_requests_keys_idx on service_requests (tenant_id, created_at desc, id desc);

-- The search walking the list in its order (newest first) with every column its test needs: the
-- customer, the number and the description (as compared: lower case, no accents), and the viewer's
-- columns (a sales rep sees the requests they own or created), read index-only.
create index service_requests_search_walk_idx on service_requests (tenant_id, created_at desc, id desc)
    include (customer_id, owner_id, created_by, number, search_description);

-- The matches of a text (ServiceRequests.list, q=), each rule as service_request_customers_matching
-- (V24: every word of the text begins a word of the customer's own name) and service_requests_matching
-- (V15: the description contains the text, or the number is the text), computed once per search: the
-- matching customers, and, when the requests of those customers and the other requests whose
-- description or number matches are p_cap or fewer in all, those other requests (disjoint from the
-- customers' requests, so the two add up); more = true when there are more than p_cap (then requests
-- is null and the caller walks the list in its order, service_requests_search_page). The customers'
-- requests are counted index-only (service_requests_customer_idx) and stopped after p_cap + 1; the
-- description's trigram index is read for at most p_cap + 1 rows. The caller takes the page and the
-- exact total from (customer_id = any(customers) or id = any(requests)) under row-level security.
-- Security definer and tenant-bound as the V15 functions (under row-level security the trigram and
-- word indexes could not be used); PL/pgSQL so that the session keeps its plans.
create function service_requests_search(p_q text, p_cap int)
    returns table (customers uuid[], requests uuid[], more boolean)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
    v_tenant    uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_customers uuid[] := array(select service_request_customers_matching(p_q));
    v_pattern   text := '%' || lower(f_unaccent(p_q)) || '%';
    v_counted   int;
    v_requests  uuid[];
begin
    select count(*) into v_counted
      from (select 1 from service_requests r
             where r.tenant_id = v_tenant and r.customer_id = any(v_customers) limit p_cap + 1) x;
    if v_counted > p_cap then
        return query select v_customers, null::uuid[], true;
        return;
    end if;
    v_requests := array(select r.id from service_requests r
                         where r.tenant_id = v_tenant and r.search_description like v_pattern
                           and r.customer_id <> all(v_customers)
                         limit p_cap + 1 - v_counted);
    if v_counted + cardinality(v_requests) > p_cap then
        return query select v_customers, null::uuid[], true;
        return;
    end if;
    v_requests := v_requests || array(select r.id from service_requests r
                                       where r.tenant_id = v_tenant and r.number = upper(p_q)
                                         and r.customer_id <> all(v_customers) and r.id <> all(v_requests));
    return query select v_customers, v_requests, v_counted + cardinality(v_requests) > p_cap;
end
$$;

-- One page of a search with more matches than the caller counts (service_requests_search's more): the
-- ids of the matching requests the viewer may see (p_viewer: a sales rep's user id; null: every
-- request), newest first, after p_offset of them: service_requests_search_walk_idx walked in its order,
-- index-only, stopping after the page (a common name, 2 % of the requests: some 1 000 entries for the
-- first page), instead of finding every match (7 500 descriptions for "quetzal", a heap row each) and
-- sorting them.
create function service_requests_search_page(p_q text, p_viewer uuid, p_limit int, p_offset bigint)
    returns setof uuid
    language plpgsql stable security definer set search_path = public, pg_temp
    rows 20
as $$
declare
    v_tenant    uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_customers uuid[] := array(select service_request_customers_matching(p_q));
    v_pattern   text := '%' || lower(f_unaccent(p_q)) || '%';
    v_number    text := upper(p_q);
begin
    return query
        select r.id from service_requests r
         where r.tenant_id = v_tenant
           and (p_viewer is null or r.owner_id = p_viewer or r.created_by = p_viewer)
           and (r.customer_id = any(v_customers) or r.search_description like v_pattern or r.number = v_number)
         order by r.created_at desc, r.id desc
         limit p_limit offset p_offset;
end
$$;

revoke all on function service_requests_search(text, int) from public;
revoke all on function service_requests_search_page(text, uuid, int, bigint) from public;
grant execute on function service_requests_search(text, int) to ${appRole};
grant execute on function service_requests_search_page(text, uuid, int, bigint) to ${appRole};
