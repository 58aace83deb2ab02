-- Service requests: the text search of the list (ServiceRequestSearch, q=). Owned here, as repeatable
-- source: a change edits this file (docs/architecture.md, "Modules own their data").
--
-- The customers whose name matches come from the customers module (CustomerDirectory.idsNamed), passed in
-- as p_customers: nothing here reads a customers table. Security definer and bound to the transaction's
-- tenant: under row-level security the application role could not use the trigram and word indexes
-- itself; PL/pgSQL so that the session keeps its plans.

-- the signatures before the customers were passed in (V15, V24, V28, V31)
drop function if exists service_requests_search(text, int);
drop function if exists service_requests_search_page(text, uuid, int, bigint);
drop function if exists service_request_customers_matching(text);

-- The requests whose description contains the text, or whose number it is.
create or replace function service_requests_matching(p_q text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 100
as $$
    select d.request_id from service_request_descriptions d
     where d.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and d.search_description like (select '%' || lower(f_unaccent(p_q)) || '%')
    union
    select r.id from service_requests r
     where r.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and r.number = (select upper(p_q))
$$;

-- The matches of a text, found once: the requests of the matching customers are counted (at most
-- p_cap + 1), then the other matching requests by description (service_request_descriptions' trigram
-- index, at most p_cap + 1 rows) and by number. The caller takes the page and the exact total from
-- (customer_id = any(customers) or id = any(requests)) under row-level security; more: over p_cap.
create or replace function service_requests_search(p_q text, p_customers uuid[], p_cap int)
    returns table (customers uuid[], requests uuid[], more boolean)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
    v_tenant    uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_customers uuid[] := coalesce(p_customers, '{}');
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
    v_requests := array(select d.request_id
                          from service_request_descriptions d
                          join service_requests r on r.tenant_id = d.tenant_id and r.id = d.request_id
                         where d.tenant_id = v_tenant and d.search_description like v_pattern
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
-- first page), instead of finding every match and sorting them.
create or replace function service_requests_search_page(p_q text, p_customers uuid[], p_viewer uuid, p_limit int,
        p_offset bigint)
    returns setof uuid
    language plpgsql stable security definer set search_path = public, pg_temp
    rows 20
as $$
declare
    v_tenant    uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_customers uuid[] := coalesce(p_customers, '{}');
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

revoke all on function service_requests_matching(text) from public;
revoke all on function service_requests_search(text, uuid[], int) from public;
revoke all on function service_requests_search_page(text, uuid[], uuid, int, bigint) from public;
grant execute on function service_requests_matching(text) to ${appRole};
grant execute on function service_requests_search(text, uuid[], int) to ${appRole};
grant execute on function service_requests_search_page(text, uuid[], uuid, int, bigint) to ${appRole};

-- the description as searched (service_requests.search_description: lower case, no accents), kept in step in
-- service_request_descriptions, whose trigram index the searches read (V31)
create or replace function service_request_descriptions_sync() returns trigger
    language plpgsql set search_path = public, pg_temp
as $$
begin
    if new.search_description is null then
        delete from service_request_descriptions where tenant_id = new.tenant_id and request_id = new.id;
    else
        insert into service_request_descriptions (tenant_id, request_id, search_description)
        values (new.tenant_id, new.id, new.search_description)
        on conflict (tenant_id, request_id) do update set search_description = excluded.search_description
         where service_request_descriptions.search_description is distinct from excluded.search_description;
    end if;
    return null;
end
$$;
drop trigger if exists service_requests_description_sync on service_requests;
create trigger service_requests_description_sync
    after insert or update of description on service_requests
    for each row execute function service_request_descriptions_sync();
