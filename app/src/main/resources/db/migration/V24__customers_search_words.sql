-- Customers: the name search by words (bench/README.md, issues 4 and 5).
--
-- The trigram search of V12 found every customer whose name contains the text (2 700 for "hernandez" at
-- 100 000 customers), then the list fetched, counted and sorted all of them for a page of 20: 20-30 ms
-- of database time per search. Here each customer's and each contact's name is split into words
-- (lower case, no accents) kept in a table with a btree: a query word is a prefix range of that index,
-- a query of several words keeps the names that have all of them, and the matches come out already in
-- the list's order (the customer's search_name is stored with each word), so the page reads 20 of them.

create table customer_search_words (
    tenant_id   uuid not null,
    word        text collate "C" not null,
    customer_id uuid not null,
    contact_id  uuid,             -- null: a word of the customer's own name
    name_words  text not null,    -- every word of that name, each after a space: " jose perez"
    -- copies of the customer's columns the search needs, so it answers from the word index alone
    sort_key    text not null,    -- search_name: the list's order
    owner_id    uuid,             -- a sales rep sees their own customers only
    deleted     boolean not null, -- status = 'DELETED'
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
-- a query word is a range of this index (prefix); the included columns answer without the heap
create index customer_search_words_word_idx on customer_search_words (tenant_id, word)
    include (customer_id, contact_id, sort_key, owner_id, deleted);
-- the words of one customer (renames, contact changes)
create index customer_search_words_customer_idx on customer_search_words (tenant_id, customer_id);

alter table customer_search_words enable row level security;
alter table customer_search_words force row level security;
create policy tenant_isolation on customer_search_words
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on customer_search_words to ${appRole};

-- The words of a search name: what lies between spaces and punctuation.
create function f_search_words(p_text text)
    returns setof text
    language sql immutable parallel safe strict
as $$
    select distinct w from regexp_split_to_table(p_text, '[[:space:][:punct:]]+') w where w <> ''
$$;

-- Each word of a search name with the line of all of them (name_words).
create function f_search_words_of(p_text text)
    returns table (word text, line text)
    language sql immutable parallel safe strict
as $$
    select w, ' ' || array_to_string(a.words, ' ')
      from (select array(select f_search_words(p_text)) as words) a, unnest(a.words) w
$$;

-- The word table follows customers and contacts in the same transaction, whatever writes them (the
-- application, an import, the demo seeding, a bulk load in SQL): statement triggers with transition
-- tables, one insert per statement rather than one per row. They run as the caller, under row-level
-- security, so they can only write the rows of the caller's tenant. A customer whose name, owner or
-- deletion changes has all its words (its name's and its contacts') written again.
create function customer_search_words_customers() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        with changed as (
            select n.* from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
             where (n.search_name, n.owner_id, n.status = 'DELETED')
                   is distinct from (o.search_name, o.owner_id, o.status = 'DELETED')
        ), gone as (
            delete from customer_search_words w using changed c
             where w.tenant_id = c.tenant_id and w.customer_id = c.id
        )
        insert into customer_search_words (tenant_id, word, customer_id, contact_id, name_words, sort_key, owner_id, deleted)
        select c.tenant_id, w.word, c.id, null, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
          from changed c cross join lateral f_search_words_of(c.search_name) w
        union all
        select c.tenant_id, w.word, c.id, k.id, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
          from changed c
          join customer_contacts k on k.tenant_id = c.tenant_id and k.customer_id = c.id
         cross join lateral f_search_words_of(k.search_name) w;
    elsif tg_op = 'INSERT' then
        insert into customer_search_words (tenant_id, word, customer_id, contact_id, name_words, sort_key, owner_id, deleted)
        select c.tenant_id, w.word, c.id, null, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
          from new_rows c cross join lateral f_search_words_of(c.search_name) w;
    end if;
    -- DELETE: the foreign key's cascade removes the words
    return null;
end
$$;

create trigger customer_search_words_insert after insert on customers
    referencing new table as new_rows for each statement execute function customer_search_words_customers();
create trigger customer_search_words_update after update on customers
    referencing old table as old_rows new table as new_rows for each statement execute function customer_search_words_customers();

create function customer_search_words_contacts() returns trigger
    language plpgsql
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from customer_search_words w using old_rows o
         where w.tenant_id = o.tenant_id and w.customer_id = o.customer_id and w.contact_id = o.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into customer_search_words (tenant_id, word, customer_id, contact_id, name_words, sort_key, owner_id, deleted)
        select k.tenant_id, w.word, k.customer_id, k.id, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
          from new_rows k
          join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id
         cross join lateral f_search_words_of(k.search_name) w;
    end if;
    return null;
end
$$;

create trigger customer_search_words_insert after insert on customer_contacts
    referencing new table as new_rows for each statement execute function customer_search_words_contacts();
create trigger customer_search_words_update after update on customer_contacts
    referencing old table as old_rows new table as new_rows for each statement execute function customer_search_words_contacts();
create trigger customer_search_words_delete after delete on customer_contacts
    referencing old table as old_rows for each statement execute function customer_search_words_contacts();

-- the words of the customers and contacts already there (as the owner: every tenant)
insert into customer_search_words (tenant_id, word, customer_id, contact_id, name_words, sort_key, owner_id, deleted)
select c.tenant_id, w.word, c.id, null, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
  from customers c cross join lateral f_search_words_of(c.search_name) w;
insert into customer_search_words (tenant_id, word, customer_id, contact_id, name_words, sort_key, owner_id, deleted)
select k.tenant_id, w.word, k.customer_id, k.id, w.line, c.search_name, c.owner_id, c.status = 'DELETED'
  from customer_contacts k
  join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id
 cross join lateral f_search_words_of(k.search_name) w;

-- The search: the customers of the tenant in app.tenant_id that are not deleted and that the viewer
-- may see (p_viewer: a sales rep's user id, their own customers; null: every customer), in the list's
-- order (search_name, id), each with how many matched in all. A customer matches when every word of
-- the text begins a word of its name, or every one begins a word of the same contact's name ("jose
-- perez" finds "José Pérez" and "Pérez López, José"; accents and case forgiven); or when its tax id
-- equals the text without separators, a contact's phone contains its digits (6 or more) or a
-- contact's e-mail equals it (those three as V12's customers_matching). It runs as the owner, like
-- customers_matching (under row-level security the word index could not be used for a range of
-- words), and keeps to the tenant itself. The caller joins the ids to customers under row-level
-- security, the visibility rule and its other filters, and stops after its page: the order comes from
-- here, and with no other filter the number of matches is the list's total. PL/pgSQL rather than SQL
-- so that the session keeps its plan (an SQL function that is not inlined is planned on every call).
create function customers_search(p_q text, p_digits text, p_viewer uuid, p_limit int)
    returns table (id uuid, matches bigint)
    language plpgsql stable security definer set search_path = public, pg_temp
    rows 100
as $$
#variable_conflict use_column
declare
    v_tenant   uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_words    text[] := array(select f_search_words(lower(f_unaccent(p_q))) limit 16);
    v_patterns text[];
    v_driver   text;
begin
    -- the rarest word of the text drives (its index entries counted up to 5 000: "de" has tens of
    -- thousands, "mixco" a few hundred); the others are looked for in the line of its name's words
    v_patterns := array(select '% ' || w || '%' from unnest(v_words) w);
    if cardinality(v_words) = 1 then
        v_driver := v_words[1];
    else
        select q.word into v_driver
          from unnest(v_words) as q(word)
         order by (select count(*) from (select 1 from customer_search_words w
                                          where w.tenant_id = v_tenant
                                            and w.word >= q.word and w.word < q.word || chr(1114111)
                                          limit 5000) x),
                  length(q.word) desc
         limit 1;
    end if;
    return query
        with named as (
            -- one word: a range of the word index, read index-only
            select h.customer_id as id, h.sort_key from customer_search_words h
             where cardinality(v_words) = 1
               and h.tenant_id = v_tenant and h.word >= v_driver and h.word < v_driver || chr(1114111)
               and not h.deleted and (p_viewer is null or h.owner_id = p_viewer)
            union all
            -- several: the driver's range, and every word begins a word of the same name
            select h.customer_id, h.sort_key from customer_search_words h
             where cardinality(v_words) > 1
               and h.tenant_id = v_tenant and h.word >= v_driver and h.word < v_driver || chr(1114111)
               and not h.deleted and (p_viewer is null or h.owner_id = p_viewer)
               and h.name_words like all (v_patterns)
        ),
        other as (
            select c.id from customers c
             where c.tenant_id = v_tenant and c.tax_id = (select upper(regexp_replace(p_q, '[\s.-]', '', 'g')))
            union
            select k.customer_id from customer_contacts k
             where length(p_digits) >= 6
               and k.tenant_id = v_tenant and k.phone_digits like (select '%' || p_digits || '%')
            union
            select k.customer_id from customer_contacts k
             where k.tenant_id = v_tenant and k.emails @> (select array[lower(p_q)])
        ),
        matched as materialized (
            select distinct id, sort_key from (
                select id, sort_key from named
                union all
                select c.id, c.search_name from customers c
                 where c.tenant_id = v_tenant and c.id = any(array(select id from other))
                   and c.status <> 'DELETED' and (p_viewer is null or c.owner_id = p_viewer)
            ) x
        )
        -- the first p_limit in order (a top-N sort; null: all of them), and how many there are
        select id, (select count(*) from matched) from matched order by sort_key, id limit p_limit;
end
$$;
revoke all on function customers_search(text, text, uuid, int) from public;
grant execute on function customers_search(text, text, uuid, int) to ${appRole};

-- The same rules for the export and any other caller that only needs the ids (not deleted; the
-- caller applies the visibility rule).
create or replace function customers_matching(p_q text, p_digits text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 100
as $$
    select id from customers_search(p_q, p_digits, null, null)
$$;

-- A service request's customer name (GET /api/v1/service-requests?q=): the customers whose own name has
-- every word of the text as the beginning of one of its words (deleted customers too: their requests
-- stay), through the same index, the longest word driving.
create or replace function service_request_customers_matching(p_q text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 20
as $$
    with words as (
        select array(select f_search_words(lower(f_unaccent(p_q))) limit 16) as list
    ),
    driver as (
        select x as word from words, unnest(words.list) x order by length(x) desc, x limit 1
    ),
    patterns as (
        select array(select '% ' || x || '%' from words, unnest(words.list) x) as list
    )
    select distinct w.customer_id from customer_search_words w, patterns p
     where w.tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
       and w.word >= (select word from driver) and w.word < (select word from driver) || chr(1114111)
       and w.contact_id is null
       and w.name_words like all (p.list)
$$;
