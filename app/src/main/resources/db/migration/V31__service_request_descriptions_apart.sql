-- The descriptions' trigram index leaves service_requests for a table of its own (bench/README.md, issue 5,
-- the SLA burst). Every update of a request row that is not HOT (the SLA job changing a clock's status, a
-- transition) inserted the row's new version into every index of the table: into the trigram index that was
-- all the description's trigrams, a quarter of the cost of marking 20 000 clocks at once, for a description
-- that had not changed. Here a row is written only when a request is created or its description changes
-- (a trigger), and the searches (V15 service_requests_matching, V28 service_requests_search) read it.
create table service_request_descriptions (
    tenant_id          uuid not null,
    request_id         uuid not null,
    search_description text not null,
    primary key (tenant_id, request_id),
    foreign key (tenant_id, request_id) references service_requests (tenant_id, id) on delete cascade
);

insert into service_request_descriptions (tenant_id, request_id, search_description)
select tenant_id, id, search_description from service_requests where search_description is not null;

create index service_request_descriptions_trgm_idx on service_request_descriptions
    using gin (search_description gin_trgm_ops);

alter table service_request_descriptions enable row level security;
alter table service_request_descriptions force row level security;
create policy tenant_isolation on service_request_descriptions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update, delete on service_request_descriptions to ${appRole};

-- the description as searched (service_requests.search_description: lower case, no accents), kept in step
create function service_request_descriptions_sync() returns trigger
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
create trigger service_requests_description_sync
    after insert or update of description on service_requests
    for each row execute function service_request_descriptions_sync();

drop index service_requests_search_description_trgm_idx;

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

-- as in V28, the descriptions read from service_request_descriptions (and their requests' customers by key)
create or replace function service_requests_search(p_q text, p_cap int)
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
