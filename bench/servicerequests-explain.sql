-- EXPLAIN (ANALYZE, BUFFERS) of the statements behind GET /api/v1/service-requests (the capped count and
-- the page), as ServiceRequests.list sends them (keep the two in step), inside the tenant (app.tenant_id), as
-- the application role, so row-level security shapes the plan as it does in the application. Each named
-- parameter is one $n here (the app binds each occurrence separately, with the same value).
--
-- Each statement is PREPAREd and EXECUTEd 6 times before it is explained, so the plan printed is the
-- one a warm pool connection runs (pgjdbc's prepareThreshold = 5; plan_cache_mode = auto may switch to
-- a generic plan).
--
--   psql -X -v tenant=<uuid> -v viewer= -v statuses= -v type= -v owner= -v sla= -v from= -v to= -v q= \
--        -v size=20 -v page=0 -f bench/servicerequests-explain.sql                    (as ambiosys_app)
-- statuses: comma-separated (NEW,IN_REVIEW); from / to: timestamps (the bounds of the date range in
-- the tenant's time zone, "to" exclusive). An empty variable is a missing request parameter (NULL).

\set ON_ERROR_STOP on
\pset pager off

begin read only;
select set_config('app.tenant_id', :'tenant', true) \g /dev/null
select format('(%L::uuid, %L::text[], %L::uuid, %L::uuid, %L::varchar, %L::timestamptz, %L::timestamptz, %L::varchar, %L::uuid)',
              :'tenant', statuses, type, owner, sla, "from", "to", q, viewer) as args,
       format('%s, %s', size, page * size) as paging
  from (select nullif(:'viewer', '') as viewer,
               case when nullif(:'statuses', '') is null then null else '{' || :'statuses' || '}' end as statuses,
               nullif(:'type', '') as type, nullif(:'owner', '') as owner, nullif(:'sla', '') as sla,
               nullif(:'from', '') as "from", nullif(:'to', '') as "to", nullif(trim(:'q'), '') as q,
               (:'size')::int as size, (:'page')::bigint as page) x \gset

-- the filters of ServiceRequests.list, for the page statements below
\set filters 'where r.tenant_id = $1 and (cast($2 as text[]) is null or r.status = any(cast($2 as text[]))) and (cast($3 as uuid) is null or r.service_type_id = $3) and (cast($4 as uuid) is null or r.owner_id = $4) and (cast(null as uuid) is null) and (cast($5 as text) is null or r.response_sla = $5 or r.resolution_sla = $5) and (cast($6 as timestamptz) is null or r.created_at >= $6) and (cast($7 as timestamptz) is null or r.created_at < $7) and (cast($9 as uuid) is null or r.owner_id = $9 or r.created_by = $9)'
\set columns 'r.id, r.number, r.customer_id, r.service_type_id, r.owner_id, r.priority, r.channel, r.status, r.requested_date, r.created_at, r.response_sla, r.resolution_sla, r.resolution_due_at'

-- A text search (ServiceRequests.list, V28) first calls service_requests_search(q, 1000): the matching
-- customers and, when there are at most 1000 matches in all, the other matching requests; the page and
-- its exact total are then taken from (customer_id = any(customers) or id = any(requests)). With more
-- (more = true) and no other filter, the page's ids come from service_requests_search_page (the walk in
-- the list's order, an init plan of the page; the plan of its statement inside the function is not
-- shown: bench/README.md has it, as the owner) and the page reads them by id (offset 0). (With other filters and more than 1000 matches the
-- application keeps the earlier shape: the capped count through the functions' ids, then the walk with
-- hashed subplans; not shown.) Without text: the capped count (ListTotals), and the page, from offset
-- 1000 on first finding the key at the offset through service_requests_keys_idx.
select nullif(trim(:'q'), '') is not null as has_q,
       :'statuses' = '' and :'type' = '' and :'owner' = '' and :'sla' = '' and :'from' = '' and :'to' = '' as plain,
       (:'page')::bigint * (:'size')::int >= 1000 as deep \gset
\set more f
\set s_customers '{}'
\set s_requests '{}'
\if :has_q
select cast(customers as text) as customers, coalesce(cast(requests as text), '{}') as requests, more
  from service_requests_search(nullif(trim(:'q'), ''), 1000) \gset s_
\set more :s_more
\if :more
\if :plain
\else
\echo 'NOTE: a search with other filters and more than 1000 matches: the application takes the earlier shape (not shown)'
\endif
\endif
\endif
select case when not :'has_q'::boolean then
            'and (r.created_at, r.id) <= (select r.created_at, r.id from service_requests r ' || :'filters'
            || ' order by r.created_at desc, r.id desc limit 1 offset $11)'
            else '' end as deep_cond,
       case when :'has_q'::boolean and not :'more'::boolean
            then format('and (r.customer_id = any(%L::uuid[]) or r.id = any(%L::uuid[]))', :'s_customers', :'s_requests')
            when :'has_q'::boolean
            then 'and r.id = any(array(select service_requests_search_page($8, $9, $10, $11)))'
            else '' end as page_matching,
       case when :'has_q'::boolean and not :'more'::boolean then ', count(*) over () as total' else '' end as total_column \gset
select case when not :'has_q'::boolean and :'deep'::boolean then :'deep_cond' else '' end as deep_cond,
       case when not :'has_q'::boolean and :'deep'::boolean or :'has_q'::boolean and :'more'::boolean
            then 'limit $10 offset 0' else 'limit $10 offset $11' end as paging_clause \gset

prepare bench_count(uuid, text[], uuid, uuid, varchar, timestamptz, timestamptz, varchar, uuid) as
select count(*) from (select 1 from service_requests r :filters limit 1001) x;

prepare bench_page(uuid, text[], uuid, uuid, varchar, timestamptz, timestamptz, varchar, uuid, int, bigint) as
select r.*, c.commercial_name, st.name as type_name
  from (select :columns :total_column
          from service_requests r
          :filters :page_matching :deep_cond
         order by r.created_at desc, r.id desc :paging_clause) r
  join customers c on c.tenant_id = $1 and c.id = r.customer_id
  join service_types st on st.tenant_id = $1 and st.id = r.service_type_id
 order by r.created_at desc, r.id desc;

\echo '== parameters' :args :paging
show plan_cache_mode;

\o /dev/null
select 'execute bench_count' || :'args' from generate_series(1, 6) \gexec
select 'execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' from generate_series(1, 6) \gexec
\o

\if :has_q
\echo '== search (service_requests_search; more =' :more ')'
select 'explain (analyze, buffers) select cast(customers as text), cast(requests as text), more from service_requests_search('
       || quote_literal(trim(:'q')) || ', 1000)' \gexec
\else
\echo '== count'
explain (analyze, buffers) execute bench_count :args;
\endif
\echo '== page'
select 'explain (analyze, buffers) execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' \gexec
select name, generic_plans, custom_plans from pg_prepared_statements order by name;
rollback;
