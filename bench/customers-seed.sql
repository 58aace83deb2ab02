-- Loads realistic customers into the demo tenant ("ambiotec-demo") for bench/customers-search.sh.
--
--   psql -v ON_ERROR_STOP=1 -v customers=100000 -f bench/customers-seed.sql   (as ambiosys_owner)
--
-- What it writes, all in one transaction (and then VACUUM ANALYZE, as autovacuum would after a load
-- this size):
--   customers           :customers rows (default 100 000): 55 % companies, 45 % people; 80 % Guatemala,
--                       20 % El Salvador; names from lists of Spanish/Guatemalan/Salvadoran first names,
--                       surnames and company words (with accents); NITs with valid check digits
--                       (GT modulo 11, with K; SV 14-digit NIT or DUI), "CF" for some consumers; 0-3 tags;
--                       93 % ACTIVE, 5 % BLOCKED, 2 % DELETED; owned across the tenant's SALES users;
--                       created over the last three years, ids UUIDv7-like (time-ordered, as Ids.next()).
--   customer_contacts   one PRIMARY contact per customer (people: themselves) with 1 or 2 phones (+502 /
--                       +503, E.164 like Phones.normalize) and an e-mail; a BILLING contact for 15 % of
--                       the companies.
--   customer_addresses  one address for 40 % of the customers, in a municipality of their country
--                       (geo tables).
-- random() is seeded, so two runs load the same names, tax ids and phones (ids and timestamps differ).
-- Run it as the owner role: it has BYPASSRLS; app.tenant_id is set as well so the rows pass the
-- policies' WITH CHECK either way. It refuses to run twice on the same tenant. 100 000 customers took
-- 23 s on 2 cores with a load average of 6, 32 to 64 s with 20 to 30 (most of it maintaining the
-- trigram indexes; the GIN pending lists are flushed by the VACUUM).

\set ON_ERROR_STOP on
\if :{?customers}
\else
\set customers 100000
\endif

begin;

select id as tenant from tenants where slug = 'ambiotec-demo' \gset
select set_config('app.tenant_id', :'tenant', true) \g /dev/null

do $$
begin
    if (select count(*) from customers where tenant_id = current_setting('app.tenant_id')::uuid) > 1000 then
        raise exception 'the demo tenant already has more than 1000 customers: seeded already?';
    end if;
end $$;

set local maintenance_work_mem = '256MB';
set local gin_pending_list_limit = '256MB';
set local work_mem = '64MB';
select setseed(0.2026) \g /dev/null

-- helpers, in this session only ------------------------------------------------------------------

-- UUIDv7 layout (48-bit millisecond time, version 7) with random rest, like Ids.next()
create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $f$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from ts) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1),
        'hex')::uuid $f$;

-- Guatemalan NIT: body + modulo-11 check digit (weights n..2 from the left; 10 is K); TaxIds.isValid("GT")
create function pg_temp.gt_nit(body bigint) returns text language sql immutable as $f$
    select b || case when c = 10 then 'K' else c::text end
      from (select b, (11 - sum(substr(b, i, 1)::int * (length(b) + 2 - i)) % 11) % 11 as c
              from (select body::text as b) x, generate_series(1, length(b)) i group by b) y $f$;

-- Salvadoran DUI: 8 digits + check (weights 9..2, (10 - sum mod 10) mod 10)
create function pg_temp.sv_dui(body bigint) returns text language sql immutable as $f$
    select b || ((10 - sum(substr(b, i, 1)::int * (10 - i)) % 10) % 10)::text
      from (select lpad(body::text, 8, '0') as b) x, generate_series(1, 8) i group by b $f$;

-- Salvadoran NIT, 14 digits, new series (serial > 100): weights 2,7,6,5,4,3,2,7,6,5,4,3,2, check (-sum mod 11) mod 10
create function pg_temp.sv_nit(body text) returns text language sql immutable as $f$
    select body || ((((-sum(substr(body, i, 1)::int * (array[2,7,6,5,4,3,2,7,6,5,4,3,2])[i])) % 11 + 11) % 11) % 10)::text
      from generate_series(1, 13) i $f$;

create function pg_temp.pick(a text[]) returns text language sql volatile as $f$
    select a[1 + floor(random() * cardinality(a))::int] $f$;

-- word lists --------------------------------------------------------------------------------------

create temp table w (name text primary key, words text[]) on commit drop;
insert into w values
('male', array['José','Juan','Luis','Carlos','Andrés','Raúl','Héctor','Óscar','Ángel','Rubén','Iván','Nelson',
    'Wilfredo','Mario','Jorge','Edwin','Marvin','Byron','Kevin','Josué','Efraín','Adán','Ramón','Julio','César',
    'Tomás','Elías','Jesús','Noé','Sergio','Rodrigo','Milton','Otto','Estuardo','Rolando','Gerson']),
('male2', array['Alberto','Antonio','José','Enrique','Eduardo','Fernando','Alejandro','Francisco','Javier','Ernesto',
    'Sebastián','Rafael','Armando','Roberto','Gustavo','Adolfo','Ramiro','Ángel','Mauricio','Iván']),
('female', array['María','Ana','Sofía','Mónica','Inés','Verónica','Gabriela','Lucía','Brenda','Dulce','Yésica',
    'Fátima','Débora','Lourdes','Rocío','Ingrid','Mirna','Alejandra','Karla','Evelyn','Heidy','Jénifer','Ximena',
    'Belén','Gladys','Marta','Sandra','Claudia','Silvia','Ruth']),
('female2', array['Beatriz','Isabel','Elena','Guadalupe','Fernanda','Alicia','Carolina','Patricia','Concepción',
    'del Carmen','Rosario','Andrea','Leticia','José','Lucrecia','Magdalena','Noemí','Raquel','Estefanía','Azucena']),
('surname', array['García','Hernández','López','Pérez','Martínez','González','Rodríguez','Ramírez','Morales',
    'Castillo','Chávez','Flores','Rivas','Cifuentes','Monterroso','Xicará','Ajú','Tzoc','Coc','Pop','Cúmez','Menéndez',
    'Méndez','Juárez','Gutiérrez','Orellana','Argueta','Cruz','Alvarado','Barrios','Reyes','Peña','Núñez','Ordóñez',
    'Quiñónez','Muñoz','Velásquez','Domínguez','Estrada','Sandoval','Aguilar','Portillo','Guzmán','Mejía','Girón',
    'Solórzano','Cabrera','Castañeda','Marroquín','Sagastume','Pineda','Escobar','Ayala','Fuentes','Rosales','Zelaya',
    'Lemus','Bonilla','Batres','Arévalo','Son','Tuyuc','Boj','Quiché','Xajil','Ixcot','Chocooj','Cabrera','Umaña',
    'Landaverde','Aguirre','Henríquez','Ábrego','Chicas','Fajardo']),
('prefix', array['Constructora','Inversiones','Distribuidora','Agroindustrias','Transportes','Comercializadora',
    'Servicios','Hotel','Restaurante','Finca','Beneficio','Ingenio','Lotificación','Colegio','Clínica','Hospital',
    'Cooperativa','Ferretería','Eventos','Industrias','Desarrollos','Inmobiliaria','Lácteos','Avícola','Granja',
    'Panadería','Farmacia','Gasolinera','Textiles','Maquila','Centro Comercial','Residenciales','Iglesia',
    'Asociación','Corporación','Plásticos','Café','Bodegas','Alimentos','Embotelladora']),
('place', array['El Roble','La Ceiba','Los Altos','San José','Santa Ana','El Quetzal','Maya','Centroamericana',
    'del Pacífico','La Esperanza','El Progreso','San Cristóbal','Las Américas','Cuscatlán','Izalco','Atitlán','Petén',
    'Volcán de Agua','El Mirador','Tikal','La Montaña','Río Dulce','San Miguel','Santa Lucía','El Naranjo',
    'Las Flores','Monte María','Valle Verde','San Lucas','Chimaltenango','Xelajú','Quetzaltenango','Antigua',
    'La Libertad','Sonsonate','Zacapa','Jalapa','Cobán','Escuintla','Mixco','Villa Nueva','Los Próceres',
    'Ilopango','Olocuilta','Chalchuapa','Santa Tecla','Nueva Concepción','Peñate','Ocotal','Güegüecho']),
('tag', array['construccion','eventos','gobierno','ptar','fosa-septica','industrial','sanitarios','permanente',
    'agricola','hoteleria','residencial','comercial','mantenimiento','vip','credito','moroso']),
('mail', array['gmail.com','gmail.com','gmail.com','hotmail.com','yahoo.com','outlook.com','yahoo.es','icloud.com']),
('title', array['Ing.','Lic.','Arq.','Dr.','Licda.','Inga.','','','','','','']);

create temp table words on commit drop as
select (select words from w where name = 'male') as l_male, (select words from w where name = 'male2') as l_male2,
       (select words from w where name = 'female') as l_female, (select words from w where name = 'female2') as l_female2,
       (select words from w where name = 'male') || (select words from w where name = 'female') as l_first,
       (select words from w where name = 'surname') as l_surname, (select words from w where name = 'prefix') as l_prefix,
       (select words from w where name = 'place') as l_place, (select words from w where name = 'tag') as l_tag,
       (select words from w where name = 'mail') as l_mail, (select words from w where name = 'title') as l_title;

create temp table reps on commit drop as
select u.id, row_number() over (order by u.email) - 1 as n
  from users u
  join user_roles ur on ur.tenant_id = u.tenant_id and ur.user_id = u.id
  join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
 where u.tenant_id = :'tenant' and r.code = 'SALES';
select count(*) as rep_count from reps \gset
do $$
begin
    if not exists (select 1 from reps) then
        raise exception 'the demo tenant has no SALES users';
    end if;
end $$;

-- customers ---------------------------------------------------------------------------------------

create temp table gen on commit drop as
select i,
       case when random() < 0.55 then 'COMPANY' else 'PERSON' end as kind,
       case when random() < 0.8 then 'GT' else 'SV' end as country,
       now() - random() * interval '1095 days' as created_at,
       random() as r_status, random() as r_tax, floor(random() * 4)::int as n_tags,
       floor(random() * :rep_count)::int as owner_n,
       random() < 0.5 as male,
       pg_temp.pick(words.l_surname) as surname1, pg_temp.pick(words.l_surname) as surname2,
       pg_temp.pick(words.l_prefix) as prefix, pg_temp.pick(words.l_place) as place,
       floor(random() * 3)::int as name_shape
  from generate_series(1, :customers) i, words;

alter table gen add column first_name text, add column second_name text;
update gen set first_name = case when male then pg_temp.pick(words.l_male) else pg_temp.pick(words.l_female) end,
               second_name = case when male then pg_temp.pick(words.l_male2) else pg_temp.pick(words.l_female2) end
  from words;
alter table gen add column owner_id uuid, add column id uuid, add column name text, add column tax_id text, add column status text,
    add column tags text[];
update gen set
    owner_id = (select id from reps where n = owner_n),
    id = pg_temp.uuid7(created_at),
    name = case
        when kind = 'PERSON' then first_name || ' ' || second_name || ' ' || surname1 || ' ' || surname2
        when name_shape = 0 then prefix || ' ' || place
        when name_shape = 1 then prefix || ' ' || surname1 || ' ' || surname2
        else prefix || ' ' || surname1 || ' de ' || place end
        || case when kind = 'COMPANY' and r_tax < 0.6 then case country when 'GT' then ', S.A.' else ', S.A. de C.V.' end
                else '' end,
    status = case when r_status < 0.93 then 'ACTIVE' when r_status < 0.98 then 'BLOCKED' else 'DELETED' end,
    tax_id = case
        when country = 'GT' and kind = 'COMPANY' and r_tax < 0.9 then pg_temp.gt_nit(1000000 + (i::bigint * 7919) % 8999999)
        when country = 'GT' and kind = 'PERSON' and r_tax < 0.5 then pg_temp.gt_nit(100000 + (i::bigint * 104729) % 89999999)
        when country = 'GT' and kind = 'PERSON' and r_tax < 0.7 then 'CF'
        when country = 'SV' and kind = 'COMPANY' and r_tax < 0.9 then
            pg_temp.sv_nit('0614' || to_char(created_at - interval '20 years', 'DDMMYY')
                || lpad((101 + i % 899)::text, 3, '0'))
        when country = 'SV' and kind = 'PERSON' and r_tax < 0.6 then pg_temp.sv_dui(1000000 + (i::bigint * 7919) % 8999999)
        end,
    tags = array(select distinct pg_temp.pick(words.l_tag) from generate_series(1, n_tags) where i > 0)
  from words;

insert into customers (tenant_id, id, kind, commercial_name, tax_id, country, status, status_reason, owner_id, tags,
                       notes, created_at, updated_at, created_by, version)
select :'tenant', id, kind, name, tax_id, country, status,
       case status when 'BLOCKED' then 'Saldo vencido' when 'DELETED' then 'Duplicado' end,
       owner_id, tags, null, created_at, created_at, owner_id, 0
  from gen;

-- contacts ----------------------------------------------------------------------------------------

create temp table con on commit drop as
select g.id as customer_id, g.country, g.created_at, k.role,
       case when k.own then g.first_name else pg_temp.pick(words.l_first) end as first_name,
       case when k.own then g.surname1 else pg_temp.pick(words.l_surname) end as surname,
       case when k.own then g.name end as own_name,
       pg_temp.pick(words.l_title) as title,
       random() < 0.3 as two_phones
  from gen g
  cross join words
  cross join lateral (select 'PRIMARY' as role, g.kind = 'PERSON' as own
                       union all select 'BILLING', false where g.kind = 'COMPANY' and random() < 0.15 and g.i > 0) k;

insert into customer_contacts (tenant_id, id, customer_id, full_name, role, phones, emails, created_at, updated_at)
select :'tenant', pg_temp.uuid7(c.created_at), c.customer_id,
       coalesce(c.own_name, ltrim(c.title || ' ' || c.first_name || ' ' || c.surname)), c.role,
       array(select case c.country when 'GT' then '+502' else '+503' end
                    || (case c.country when 'GT' then (array['2','3','4','5','5','5','7'])[1 + floor(random() * 7)::int]
                                       else (array['2','6','7','7'])[1 + floor(random() * 4)::int] end)
                    || lpad(floor(random() * 10000000)::int::text, 7, '0')
               from generate_series(1, case when c.two_phones then 2 else 1 end) where c.customer_id is not null),
       array[regexp_replace(lower(public.unaccent(c.first_name || '.' || c.surname)), '[^a-z.]', '', 'g')
             || floor(random() * 1000)::int || '@' || pg_temp.pick(words.l_mail)],
       c.created_at, c.created_at
  from con c, words;

-- addresses ---------------------------------------------------------------------------------------

create temp table muni on commit drop as
select d.country, m.department_id, m.id as municipality_id, m.name,
       row_number() over (partition by d.country order by m.id) - 1 as n,
       count(*) over (partition by d.country) as of
  from geo_municipalities m join geo_departments d on d.id = m.department_id;

insert into customer_addresses (tenant_id, id, customer_id, kind, department_id, municipality_id, district_id, zone,
                                street, reference, latitude, longitude, created_at, updated_at)
select :'tenant', pg_temp.uuid7(a.created_at), a.id, a.kind, m.department_id, m.municipality_id, null,
       case when a.country = 'GT' then 'Zona ' || (1 + a.pick % 21) end,
       case when a.country = 'GT' then (1 + a.pick % 30) || 'a. Avenida ' || (1 + a.pick % 40) || '-' || (10 + a.pick % 80)
            else 'Calle ' || pg_temp.pick(words.l_place) || ' #' || (1 + a.pick % 300) || ', Colonia ' || pg_temp.pick(words.l_surname) end,
       case when a.pick % 3 = 0 then 'Frente a ' || pg_temp.pick(words.l_prefix) || ' ' || pg_temp.pick(words.l_place) end,
       null, null, a.created_at, a.created_at
  from (select g.id, g.country, g.created_at, floor(random() * 100000)::int as pick,
               case when g.kind = 'COMPANY' then 'FISCAL' else 'SERVICE_SITE' end as kind
          from gen g where random() < 0.4) a
  join muni m on m.country = a.country
             and m.n = a.pick % m.of
  cross join words;

select (select count(*) from customers where tenant_id = :'tenant') as customers,
       (select count(*) from customer_contacts where tenant_id = :'tenant') as contacts,
       (select count(*) from customer_addresses where tenant_id = :'tenant') as addresses;

commit;

vacuum analyze customers, customer_contacts, customer_addresses;
