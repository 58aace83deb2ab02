-- EXPLAIN (ANALYZE, BUFFERS) of the statements behind GET /api/v1/customers (the count and the
-- page), as CustomerManagement.search sends them (keep the two in step): the same SQL text with the parameters as
-- pgjdbc binds them ($n, strings as varchar), inside the tenant (app.tenant_id), as the application
-- role, so row-level security shapes the plan as it does in the application.
--
-- Each statement is PREPAREd and EXECUTEd 6 times before it is explained: from the 6th execution on,
-- PostgreSQL may switch a prepared statement to a generic plan (plan_cache_mode = auto), as it does
-- for pgjdbc's server-side prepared statements (prepareThreshold = 5). The plan printed is the one a
-- warm connection of the pool runs.
--
--   psql -X -v tenant=<uuid> -v viewer= -v status= -v owner= -v tag= -v q=hernandez \
--        -v size=20 -v page=0 -f bench/customers-explain.sql          (as ambiosys_app)
-- An empty variable is a missing request parameter (NULL). bench/customers-search.sh calls it.

\set ON_ERROR_STOP on
\pset pager off

begin read only;
select set_config('app.tenant_id', :'tenant', true) \g /dev/null
-- the parameters as the web request binds them: an empty variable is a missing request parameter
select format('(%L::uuid, %L, %L, %L::uuid, %L::uuid, %L, %L, %L, %L, %L, %L::uuid, %L::uuid)',
              :'tenant', status, status, owner, owner, tag, tag, q, q, digits, viewer, viewer) as args,
       format('%s, %s', size, page * size) as paging
  from (select nullif(:'viewer', '') as viewer, nullif(:'status', '') as status, nullif(:'owner', '') as owner,
               lower(trim(nullif(trim(:'tag'), ''))) as tag, nullif(trim(:'q'), '') as q,
               regexp_replace(coalesce(:'q', ''), '[^0-9]', '', 'g') as digits,
               (:'size')::int as size, (:'page')::bigint as page) x \gset

-- the total: the list counts up to 1000 (EXACT_TOTAL_UP_TO + 1 rows) and takes the planner's estimate
-- above (an EXPLAIN, not shown); a text search takes it from customers_search (V24) or, with another
-- filter, counts in the page statement (count(*) over ())
select nullif(trim(:'q'), '') is null as capped,
       (nullif(:'status', '') is not null or nullif(:'owner', '') is not null or nullif(trim(:'tag'), '') is not null)
           as narrowed \gset
select case when :'narrowed' then ', count(*) over () as total' else ', m.matches as total' end as total_column,
       case when :'narrowed' then 'null' else ((:'page')::bigint * (:'size')::int + (:'size')::int)::text end as first
\gset
\if :capped
prepare bench_count(uuid, varchar, varchar, uuid, uuid, varchar, varchar, varchar, varchar, varchar, uuid, uuid) as
select count(*) from (select 1 from customers c
                     where c.tenant_id = $1 and c.status <> 'DELETED'
                       and (cast($2 as text) is null or c.status = $3)
                       and (cast($4 as uuid) is null or c.owner_id = $5)
                       and (cast($6 as text) is null or $7 = any(c.tags))
                     and (cast($11 as uuid) is null or c.owner_id = $12)
                       and (cast($8 as text) is null
                            or c.id = any(array(select customers_matching($9, $10)))) limit 1001) x;

prepare bench_page(uuid, varchar, varchar, uuid, uuid, varchar, varchar, varchar, varchar, varchar, uuid, uuid, int,
                   bigint) as
select c.id, c.kind, c.commercial_name, c.tax_id, c.status, c.owner_id, c.tags, c.created_at
  from customers c
                     where c.tenant_id = $1 and c.status <> 'DELETED'
                       and (cast($2 as text) is null or c.status = $3)
                       and (cast($4 as uuid) is null or c.owner_id = $5)
                       and (cast($6 as text) is null or $7 = any(c.tags))
                     and (cast($11 as uuid) is null or c.owner_id = $12)
                       and (cast($8 as text) is null
                            or c.id = any(array(select customers_matching($9, $10)))) order by c.search_name, c.id limit $13 offset $14;
\else
prepare bench_count as select 'counted by customers_search or the page statement' as count;

-- the text search (CustomerManagement.textSearch): customers_search's matches in the list's order, the
-- page read from them and stopped after its rows; $8/$9 unused here (kept so that the arguments line up)
prepare bench_page(uuid, varchar, varchar, uuid, uuid, varchar, varchar, varchar, varchar, varchar, uuid, uuid, int,
                   bigint) as
select c.id, c.kind, c.commercial_name, c.tax_id, c.status, c.owner_id, c.tags, c.created_at :total_column
  from customers_search($9, $10, cast($11 as uuid), cast(:first as int)) with ordinality m(id, matches, n)
  join customers c on c.tenant_id = $1 and c.id = m.id
                     where c.tenant_id = $1 and c.status <> 'DELETED'
                       and (cast($2 as text) is null or c.status = $3)
                       and (cast($4 as uuid) is null or c.owner_id = $5)
                       and (cast($6 as text) is null or $7 = any(c.tags))
                     and (cast($11 as uuid) is null or c.owner_id = $12)
                       and (cast($8 as text) is null or true) order by m.n limit $13 offset $14;
\endif

\echo '== parameters' :args :paging
show plan_cache_mode;

-- five custom plans, then the plan cache decides between custom and generic plans
\o /dev/null
select 'execute bench_count' || case when :'capped' then :'args' else '' end from generate_series(1, 6) \gexec
select 'execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' from generate_series(1, 6) \gexec
\o

\echo '== count'
\if :capped
explain (analyze, buffers) execute bench_count :args;
\else
execute bench_count;
\endif
\echo '== page'
select 'explain (analyze, buffers) execute bench_page' || left(:'args', -1) || ', ' || :'paging' || ')' \gexec
select name, generic_plans, custom_plans from pg_prepared_statements order by name;
rollback;
