-- Loads service requests into the demo tenant ("ambiotec-demo") for bench/servicerequests.sh.
--
--   psql -v ON_ERROR_STOP=1 -v requests=200000 -v due=400 -f bench/servicerequests-seed.sql   (as ambiosys_owner)
--
-- Run bench/customers-seed.sql with -v customers=1000 first: the requests go to the tenant's customers
-- (not deleted ones). What it writes, in one transaction (then VACUUM ANALYZE):
--   service_requests             :requests rows (default 200 000) created over the last 365 days
--                                (ids UUIDv7-like, numbers after the tenant's last one); types 45 % portable
--                                toilets, 35 % septic tank, 10 % PTAR, 10 % other, with valid type_data;
--                                priorities LOW 15 / NORMAL 55 / HIGH 20 / URGENT 10 %; six channels; owners
--                                the tenant's SALES users (5 % unassigned); created by the owner (60 %) or
--                                another user. ~70 % closed (COMPLETED 50, CANCELLED 10, LOST 10 %), older
--                                requests more often than recent ones; the rest open from NEW to
--                                IN_PROGRESS and WAITING_ON_CUSTOMER.
--   SLA fields                   the policy the app would choose (type and priority, then type, then
--                                priority, then general) with its targets; at-risk (80 %) and due
--                                instants computed in business time like SlaClock (the tenant's week and
--                                holidays, at hour granularity, in its time zone); responded_at / closed_at;
--                                statuses as the job would leave them (closed: FULFILLED / BREACHED /
--                                STOPPED; open: ON_TRACK / AT_RISK / BREACHED; waiting on the customer: the
--                                clock paused, instants null, with its open pause row).
--   :due (default 400) open clocks whose at-risk or due instant has passed but whose stored status
--                                was left one step behind, so the SLA job has real work on its first run.
--   service_request_sla_events   one row per at-risk / breach already reached (as the job would have
--                                recorded them), none for the :due clocks above.
--   service_request_transitions  creation (-> NEW) and the move to the current status, when not NEW.
--   service_request_pauses       the open pause of each request waiting on the customer.
--   service_request_numbers      moved past the last number used.
-- random() is seeded: two runs load the same mix (ids differ). Refuses to run twice on a tenant.

\set ON_ERROR_STOP on
\if :{?requests}
\else
\set requests 200000
\endif
\if :{?due}
\else
\set due 400
\endif

begin;

select id as tenant from tenants where slug = 'ambiotec-demo' \gset
select set_config('app.tenant_id', :'tenant', true) \g /dev/null

do $$
begin
    if (select count(*) from service_requests where tenant_id = current_setting('app.tenant_id')::uuid) > 1000 then
        raise exception 'the demo tenant already has more than 1000 service requests: seeded already?';
    end if;
end $$;

set local work_mem = '128MB';
set local maintenance_work_mem = '256MB';
select setseed(0.5050) \g /dev/null

create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $f$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from ts) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1),
        'hex')::uuid $f$;

create function pg_temp.pick(a text[]) returns text language sql volatile as $f$
    select a[1 + floor(random() * cardinality(a))::int] $f$;

-- the business calendar, an hour per row: business minutes counted before the hour ----------------

select coalesce((select time_zone from service_request_settings where tenant_id = :'tenant'),
                (select time_zone from tenants where id = :'tenant'), 'America/Guatemala') as zone \gset
create temp table week on commit drop as
select coalesce((select week from service_request_settings where tenant_id = :'tenant'),
    '{"MONDAY": [["08:00","12:00"],["13:00","17:00"]], "TUESDAY": [["08:00","12:00"],["13:00","17:00"]],
      "WEDNESDAY": [["08:00","12:00"],["13:00","17:00"]], "THURSDAY": [["08:00","12:00"],["13:00","17:00"]],
      "FRIDAY": [["08:00","12:00"],["13:00","17:00"]], "SATURDAY": [["08:00","12:00"]], "SUNDAY": []}'::jsonb) as week;

create temp table bh on commit drop as
with hours as (
    select h, (h at time zone :'zone') as local
      from generate_series(date_trunc('hour', now() - interval '400 days'), date_trunc('hour', now() + interval '120 days'),
                           interval '1 hour') h),
flagged as (
    select h, not exists (select 1 from business_holidays bd where bd.tenant_id = :'tenant' and bd.day = local::date)
              and exists (select 1 from week, jsonb_array_elements(week -> trim(to_char(local, 'FMDAY'))) w
                           where to_char(local, 'HH24:MI') >= w ->> 0 and to_char(local, 'HH24:MI') < w ->> 1) as biz
      from hours)
select h, biz, (coalesce(sum(case when biz then 60 else 0 end) over (order by h rows between unbounded preceding and 1 preceding), 0))::numeric as cum
  from flagged;
create unique index on bh (h);
create unique index on bh (cum) where biz;
analyze bh;

-- who and what --------------------------------------------------------------------------------------

create temp table reps on commit drop as
select u.id, row_number() over (order by u.email) - 1 as n
  from users u
  join user_roles ur on ur.tenant_id = u.tenant_id and ur.user_id = u.id
  join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
 where u.tenant_id = :'tenant' and r.code = 'SALES';
create temp table staff on commit drop as
select id, row_number() over (order by email) - 1 as n from users where tenant_id = :'tenant';
create temp table cust on commit drop as
select id, row_number() over (order by id) - 1 as n from customers where tenant_id = :'tenant' and status <> 'DELETED';
select (select count(*) from reps) as rep_count, (select count(*) from staff) as staff_count,
       (select count(*) from cust) as customer_count \gset
do $$
begin
    if not exists (select 1 from reps) then raise exception 'the demo tenant has no SALES users'; end if;
    if (select count(*) from cust) < 100 then
        raise exception 'load customers first (bench/customers-seed.sql -v customers=1000)';
    end if;
end $$;

create temp table types on commit drop as
select id, code from service_types where tenant_id = :'tenant' and code in ('PORTABLE_TOILETS', 'SEPTIC_TANK', 'WASTEWATER_PLANT', 'OTHER');
select (select id from types where code = 'PORTABLE_TOILETS') as t_toilets, (select id from types where code = 'SEPTIC_TANK') as t_septic,
       (select id from types where code = 'WASTEWATER_PLANT') as t_plant, (select id from types where code = 'OTHER') as t_other \gset

-- the policy the app would choose for a type and priority (ServiceRequestSetup.match)
create function pg_temp.policy(p_type uuid, p_priority text) returns table (id uuid, response integer, resolution integer)
    language sql stable as $f$
    select id, response_minutes, resolution_minutes from sla_policies
     where tenant_id = current_setting('app.tenant_id')::uuid and active
       and (service_type_id = p_type or service_type_id is null) and (priority = p_priority or priority is null)
     order by (service_type_id is not null) desc, (priority is not null) desc limit 1 $f$;
create temp table policies on commit drop as
select t.id as type_id, p.priority, x.id as policy_id, x.response, x.resolution
  from types t cross join unnest(array['LOW', 'NORMAL', 'HIGH', 'URGENT']) p(priority)
  cross join lateral pg_temp.policy(t.id, p.priority) x;

select coalesce((select last_value from service_request_numbers where tenant_id = :'tenant'), 0) as last_number \gset

-- the requests --------------------------------------------------------------------------------------

create temp table g on commit drop as
select i, now() - random() * interval '365 days' as created_at,
       random() as r_type, random() as r_prio, random() as r_open, random() as r_status, random() as r_owner,
       random() as r_resp, random() as r_close, random() as r_pause,
       floor(random() * :customer_count)::int as cust_n, floor(random() * :rep_count)::int as rep_n,
       floor(random() * :staff_count)::int as staff_n,
       (array['WHATSAPP','WHATSAPP','WHATSAPP','PHONE','PHONE','EMAIL','WEB','WALK_IN','OTHER'])[1 + floor(random() * 9)::int] as channel
  from generate_series(1, :requests) i;

alter table g add column id uuid, add column type_id uuid, add column type_code text, add column priority text,
    add column status text, add column open boolean, add column owner_id uuid, add column created_by uuid;
update g set
    id = pg_temp.uuid7(created_at),
    type_code = case when r_type < 0.45 then 'PORTABLE_TOILETS' when r_type < 0.80 then 'SEPTIC_TANK'
                     when r_type < 0.90 then 'WASTEWATER_PLANT' else 'OTHER' end,
    priority = case when r_prio < 0.15 then 'LOW' when r_prio < 0.70 then 'NORMAL' when r_prio < 0.90 then 'HIGH' else 'URGENT' end,
    -- recent requests are more often still open: 90 % of the last week, 50 % up to 60 days, 25 % before
    open = r_open < case when created_at > now() - interval '7 days' then 0.9
                         when created_at > now() - interval '60 days' then 0.5 else 0.25 end,
    owner_id = case when r_owner < 0.95 then (select id from reps where n = rep_n) end;
update g set
    type_id = (select id from types where code = type_code),
    status = case when open then (array['NEW','NEW','NEW','IN_REVIEW','IN_REVIEW','PENDING_APPROVAL','QUOTED','QUOTED',
                                        'ACCEPTED','SCHEDULED','SCHEDULED','IN_PROGRESS','WAITING_ON_CUSTOMER'])[1 + floor(r_status * 13)::int]
                  when r_status < 0.72 then 'COMPLETED' when r_status < 0.86 then 'CANCELLED' else 'LOST' end,
    created_by = case when r_owner < 0.6 and owner_id is not null then owner_id else (select id from staff where n = staff_n) end;

create temp table sr0 on commit drop as
select g.*, p.policy_id, p.response, p.resolution,
       b.cum + case when b.biz then extract(epoch from g.created_at - b.h) / 60 else 0 end as c0
  from g join policies p on p.type_id = g.type_id and p.priority = g.priority
  join bh b on b.h = date_trunc('hour', g.created_at);
-- the instant a number of business minutes after the creation: the business hour in which the count
-- reaches it (hash joins, not a function call per row)
create temp table sr on commit drop as
select s.*, b1.h + make_interval(secs => (s.c0 + s.response * 0.8 - b1.cum) * 60) as resp_risk,
       b2.h + make_interval(secs => (s.c0 + s.response - b2.cum) * 60) as resp_due,
       b3.h + make_interval(secs => (s.c0 + s.resolution * 0.8 - b3.cum) * 60) as res_risk,
       b4.h + make_interval(secs => (s.c0 + s.resolution - b4.cum) * 60) as res_due
  from sr0 s
  left join bh b1 on b1.biz and b1.cum = 60 * (ceil((s.c0 + s.response * 0.8) / 60) - 1)
  left join bh b2 on b2.biz and b2.cum = 60 * (ceil((s.c0 + s.response) / 60) - 1)
  left join bh b3 on b3.biz and b3.cum = 60 * (ceil((s.c0 + s.resolution * 0.8) / 60) - 1)
  left join bh b4 on b4.biz and b4.cum = 60 * (ceil((s.c0 + s.resolution) / 60) - 1);

-- when it was answered (left NEW for an open status), closed, paused: around the targets, some late
alter table sr add column responded_at timestamptz, add column closed_at timestamptz, add column paused_at timestamptz;
update sr set
    closed_at = case when not open then least(now() - interval '1 minute',
                     created_at + (res_due - created_at) * (0.05 + r_close * (case status when 'COMPLETED' then 1.1 else 1.05 end))) end,
    paused_at = case when status = 'WAITING_ON_CUSTOMER' then least(now() - interval '1 minute',
                     created_at + (res_due - created_at) * r_pause * 1.3) end;
update sr set responded_at = case when status <> 'NEW' and not (status in ('CANCELLED', 'LOST') and r_resp < 0.3) then
                  least(coalesce(closed_at, paused_at, now() - interval '1 minute'),
                        created_at + (resp_due - created_at) * (0.05 + r_resp * 1.08)) end;

alter table sr add column response_sla text, add column resolution_sla text;
update sr set
    response_sla = case
        when responded_at is not null then case when responded_at >= resp_due then 'BREACHED' else 'FULFILLED' end
        when closed_at is not null then case when closed_at >= resp_due then 'BREACHED' else 'STOPPED' end
        when now() >= resp_due then 'BREACHED' when now() >= resp_risk then 'AT_RISK' else 'ON_TRACK' end,
    resolution_sla = case
        when closed_at is not null then case when closed_at >= res_due then 'BREACHED'
                                              when status = 'COMPLETED' then 'FULFILLED' else 'STOPPED' end
        when paused_at is not null then case when paused_at >= res_due then 'BREACHED'
                                              when paused_at >= res_risk then 'AT_RISK' else 'ON_TRACK' end
        when now() >= res_due then 'BREACHED' when now() >= res_risk then 'AT_RISK' else 'ON_TRACK' end;
-- a paused clock short of its target has no at-risk / due instant (SlaClock.reach answers null)
update sr set res_risk = null, res_due = null where paused_at is not null and resolution_sla <> 'BREACHED';
update sr set resp_risk = null, resp_due = null
 where paused_at is not null and responded_at is null and response_sla not in ('BREACHED');

-- the job's first run: :due open clocks whose instant has come, their stored status one step behind
-- (half response clocks of requests still NEW, half resolution clocks), no event recorded for them yet
alter table sr add column behind boolean not null default false;
update sr set behind = true, response_sla = case response_sla when 'BREACHED' then 'AT_RISK' else 'ON_TRACK' end
 where id in (select id from sr where status = 'NEW' and response_sla in ('AT_RISK', 'BREACHED') and resolution_sla = 'ON_TRACK'
               order by r_pause limit (:due / 2));
update sr set behind = true, resolution_sla = case resolution_sla when 'BREACHED' then 'AT_RISK' else 'ON_TRACK' end
 where id in (select id from sr where open and paused_at is null and not behind and resolution_sla in ('AT_RISK', 'BREACHED')
                 and response_sla not in ('ON_TRACK', 'AT_RISK')
               order by r_pause limit (:due - :due / 2));

-- the foreign keys of the tables loaded are checked once each at the end (ALTER TABLE ADD CONSTRAINT
-- validates with one join) instead of by a trigger per row (which took half the load time)
create temp table fks on commit drop as
select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
  from pg_constraint
 where contype = 'f' and conrelid in ('service_requests'::regclass, 'service_request_transitions'::regclass,
                                      'service_request_sla_events'::regclass, 'service_request_pauses'::regclass,
                                      'service_request_descriptions'::regclass);
select format('alter table %I drop constraint %I', tbl, conname) from fks order by tbl <> 'service_requests' desc \gexec
-- the searched descriptions (V31) are copied in one statement after the load, not by the trigger row by row
alter table service_requests disable trigger service_requests_description_sync;

insert into service_requests (tenant_id, id, number, customer_id, contact_id, address_id, service_type_id, owner_id, priority,
    channel, requested_date, description, type_data, status, resume_to, status_reason, sla_policy_id, response_minutes,
    resolution_minutes, responded_at, closed_at, response_at_risk_at, response_due_at, resolution_at_risk_at,
    resolution_due_at, response_sla, resolution_sla, created_at, updated_at, created_by, version)
select :'tenant'::uuid, sr.id, 'SR-' || lpad((:last_number + row_number() over (order by sr.created_at, sr.i))::text, 6, '0'),
       c.id, null, null, sr.type_id, sr.owner_id, sr.priority, sr.channel,
       (sr.created_at at time zone :'zone')::date + (sr.i % 21),
       case sr.type_code
           when 'PORTABLE_TOILETS' then (sr.i % 40 + 1) || ' sanitarios portátiles para ' ||
               pg_temp.pick(array['la obra', 'el evento', 'la feria patronal', 'la boda', 'el concierto', 'la finca',
                                  'la bodega', 'el proyecto habitacional', 'el torneo', 'la planta'])
               || ' en ' || pg_temp.pick(array['Mixco', 'Villa Nueva', 'Antigua', 'Escuintla', 'Santa Tecla', 'Cobán',
                                              'Quetzaltenango', 'San Miguel', 'Zacapa', 'Chimaltenango', 'Sonsonate', 'Petén']) || '.'
           when 'SEPTIC_TANK' then pg_temp.pick(array['Limpieza de fosa séptica', 'Succión de fosa', 'La fosa rebalsa',
                                                      'Mantenimiento de pozo de absorción', 'Limpieza de trampa de grasa'])
               || ' en ' || pg_temp.pick(array['casa de habitación', 'el hotel', 'el restaurante', 'el colegio', 'la clínica',
                                              'la gasolinera', 'la lotificación', 'el beneficio de café']) || '.'
           when 'WASTEWATER_PLANT' then pg_temp.pick(array['Operación mensual de la PTAR', 'Diseño de PTAR',
                                                           'Reparación del reactor de la PTAR', 'Mantenimiento de la planta de tratamiento',
                                                           'Ampliación de la PTAR']) || ' de ' ||
               pg_temp.pick(array['la municipalidad', 'el ingenio', 'la maquila', 'los residenciales', 'la embotelladora']) || '.'
           else pg_temp.pick(array['Consulta por análisis de agua.', 'Cotización de trampa de grasa.',
                                   'Visita técnica para evaluar drenajes.', 'Transporte de lodos.']) end,
       case sr.type_code
           when 'PORTABLE_TOILETS' then case when sr.i % 3 = 0
               then jsonb_build_object('units', sr.i % 40 + 1, 'model', (array['STANDARD','VIP','ACCESSIBLE','HANDWASH_STATION'])[1 + sr.i % 4],
                        'usage', 'PERMANENT', 'rentalStart', (sr.created_at at time zone :'zone')::date + 3, 'cleaningsPerWeek', 1 + sr.i % 3)
               else jsonb_build_object('units', sr.i % 40 + 1, 'model', (array['STANDARD','VIP','ACCESSIBLE','HANDWASH_STATION'])[1 + sr.i % 4],
                        'usage', 'EVENT', 'rentalStart', (sr.created_at at time zone :'zone')::date + 5,
                        'rentalEnd', (sr.created_at at time zone :'zone')::date + 6 + sr.i % 3, 'cleaningsPerWeek', 0) end
           when 'SEPTIC_TANK' then jsonb_build_object('waterType', (array['BLACK','GREY','MIXED','INDUSTRIAL'])[1 + sr.i % 4],
                        'volumeM3', round((1 + (sr.i % 200) / 10.0)::numeric, 1),
                        'accessConditions', (array['Sin restricciones', 'Callejón angosto, camión pequeño', 'Entrada de servicio',
                                                   'Portón de 3 m'])[1 + sr.i % 4], 'hoseDistanceM', 5 + sr.i % 60)
           when 'WASTEWATER_PLANT' then jsonb_build_object('flowM3PerDay', 10 + sr.i % 300,
                        'service', (array['DESIGN','CONSTRUCTION','OPERATION','MAINTENANCE','REPAIR'])[1 + sr.i % 5],
                        'siteSurveyNeeded', sr.i % 2 = 0)
           else jsonb_build_object('detalle', 'Solicitud general') end,
       sr.status, case when sr.status = 'WAITING_ON_CUSTOMER' then (array['IN_REVIEW','QUOTED','SCHEDULED'])[1 + sr.i % 3] end,
       case sr.status when 'CANCELLED' then 'El cliente canceló.' when 'LOST' then 'Contrató a otro proveedor.' end,
       sr.policy_id, sr.response, sr.resolution, sr.responded_at, sr.closed_at, sr.resp_risk, sr.resp_due, sr.res_risk,
       sr.res_due, sr.response_sla, sr.resolution_sla, sr.created_at,
       coalesce(sr.closed_at, sr.paused_at, sr.responded_at, sr.created_at), sr.created_by, 1
  from sr join cust c on c.n = sr.cust_n;

update service_request_numbers set last_value = :last_number + :requests where tenant_id = :'tenant';
insert into service_request_numbers (tenant_id, last_value) select :'tenant', :last_number + :requests
 where not exists (select 1 from service_request_numbers where tenant_id = :'tenant');

insert into service_request_pauses (tenant_id, request_id, paused_at)
select :'tenant'::uuid, id, paused_at from sr where paused_at is not null;

insert into service_request_transitions (tenant_id, id, request_id, from_status, to_status, actor_id, at, comment)
select :'tenant'::uuid, pg_temp.uuid7(created_at), id, null, 'NEW', created_by, created_at, null from sr
union all
select :'tenant'::uuid, pg_temp.uuid7(coalesce(closed_at, paused_at, responded_at, created_at)), id, 'NEW', status,
       coalesce(owner_id, created_by), coalesce(closed_at, paused_at, responded_at, created_at + interval '1 minute'), null
  from sr where status <> 'NEW';

-- the events the job would have recorded for the clocks already at risk or breached
insert into service_request_sla_events (tenant_id, request_id, clock, event, at)
select :'tenant'::uuid, id, clock, event, at from (
    select id, 'RESPONSE' as clock, 'AT_RISK' as event, resp_risk as at from sr
     where response_sla in ('AT_RISK', 'BREACHED') or (response_sla = 'FULFILLED' and responded_at >= resp_risk)
    union all
    select id, 'RESPONSE', 'BREACHED', resp_due from sr where response_sla = 'BREACHED'
    union all
    select id, 'RESOLUTION', 'AT_RISK', res_risk from sr
     where resolution_sla in ('AT_RISK', 'BREACHED') or (resolution_sla = 'FULFILLED' and closed_at >= res_risk)
    union all
    select id, 'RESOLUTION', 'BREACHED', res_due from sr where resolution_sla = 'BREACHED') e
 where at is not null;

insert into service_request_descriptions (tenant_id, request_id, search_description)
select tenant_id, id, search_description from service_requests
 where tenant_id = current_setting('app.tenant_id')::uuid and search_description is not null
on conflict do nothing;
alter table service_requests enable trigger service_requests_description_sync;

select format('alter table %I add constraint %I %s', tbl, conname, def) from fks order by tbl <> 'service_requests' \gexec

select count(*) as requests, count(*) filter (where status not in ('COMPLETED', 'CANCELLED', 'LOST')) as open,
       count(*) filter (where behind) as due_for_the_job,
       count(*) filter (where response_sla = 'BREACHED' or resolution_sla = 'BREACHED') as breached
  from sr;

commit;

vacuum analyze service_requests, service_request_transitions, service_request_pauses, service_request_sla_events,
    service_request_descriptions;
