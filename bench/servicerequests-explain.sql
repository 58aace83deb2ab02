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

-- the total: counted up to 1000 (EXACT_TOTAL_UP_TO + 1 rows) and the planner's estimate above (an
-- EXPLAIN, not shown). A text search (ServiceRequests.list) first reads its first 1001 matches through the
-- functions' ids and counts them in the statement that takes the page from them (shown as the page when
-- there are at most 1000); with more, the count below stands for that statement and the page is read by
-- walking the list's index (the condition inside coalesce(..., false), with a hashed subplan per function)
select case when nullif(trim(:'q'), '') is null then ''
            else '(r.customer_id = any(array(select service_request_customers_matching($8))) or r.id = any(array(select service_requests_matching($8))))'
       end as matching,
       case when nullif(trim(:'q'), '') is null then ''
            else '(r.customer_id in (select service_request_customers_matching($8)) or r.id in (select service_requests_matching($8)))'
       end as walking \gset
select case when :'matching' = '' then '' else 'and ' || :'matching' end as count_matching \gset
prepare bench_count(uuid, text[], uuid, uuid, varchar, timestamptz, timestamptz, varchar, uuid) as
select count(*) from (select 1 from service_requests r
 where r.tenant_id = $1
   and (cast($2 as text[]) is null or r.status = any(cast($2 as text[])))
   and (cast($3 as uuid) is null or r.service_type_id = $3)
   and (cast($4 as uuid) is null or r.owner_id = $4)
   and (cast(null as uuid) is null)
   and (cast($5 as text) is null or r.response_sla = $5 or r.resolution_sla = $5)
   and (cast($6 as timestamptz) is null or r.created_at >= $6)
   and (cast($7 as timestamptz) is null or r.created_at < $7)
   and (cast($9 as uuid) is null or r.owner_id = $9 or r.created_by = $9)
   :count_matching limit 1001) x;
select 'execute bench_count' || :'args' as run_count \gset
:run_count \gset counted_
select case when :'matching' = '' then ''
            when :counted_count > 1000 then 'and coalesce(' || :'walking' || ', false)'
            else 'and ' || :'matching' end as page_matching,
       case when :'matching' <> '' and :counted_count <= 1000 then 'limit 1001) r' else '' end as fence_end,
       case when :'matching' <> '' and :counted_count <= 1000 then ', count(*) over () as total' else '' end
           as total_column,
       case when :'matching' <> '' and :counted_count <= 1000
            then '(select r.id, r.number, r.customer_id, r.service_type_id, r.owner_id, r.priority, r.channel, r.status, '
                 || 'r.requested_date, r.created_at, r.response_sla, r.resolution_sla, r.resolution_due_at, r.created_by from service_requests r'
            else 'service_requests r' end as fence_start \gset

prepare bench_page(uuid, text[], uuid, uuid, varchar, timestamptz, timestamptz, varchar, uuid, int, bigint) as
select r.*, c.commercial_name
  from (select r.id, r.number, r.customer_id, r.service_type_id, r.owner_id, r.priority, r.channel,
               r.status, r.requested_date, r.created_at, r.response_sla, r.resolution_sla, r.resolution_due_at :total_column
          from :fence_start
         where r.tenant_id = $1
           and (cast($2 as text[]) is null or r.status = any(cast($2 as text[])))
           and (cast($3 as uuid) is null or r.service_type_id = $3)
           and (cast($4 as uuid) is null or r.owner_id = $4)
           and (cast(null as uuid) is null)
           and (cast($5 as text) is null or r.response_sla = $5 or r.resolution_sla = $5)
           and (cast($6 as timestamptz) is null or r.created_at >= $6)
           and (cast($7 as timestamptz) is null or r.created_at < $7)
           :page_matching
           and (cast($9 as uuid) is null or r.owner_id = $9 or r.created_by = $9)
         :fence_end
         order by r.created_at desc, r.id desc limit $10 offset $11) r
  join customers c on c.tenant_id = $1 and c.id = r.customer_id
 order by r.created_at desc, r.id desc;

\echo '== parameters' :args :paging
show plan_cache_mode;

\o /dev/null
select 'execute bench_count' || :'args' from generate_series(1, 6) \gexec
select 'execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' from generate_series(1, 6) \gexec
\o

\echo '== count'
explain (analyze, buffers) execute bench_count :args;
\echo '== page'
select 'explain (analyze, buffers) execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' \gexec
select name, generic_plans, custom_plans from pg_prepared_statements order by name;
rollback;
