-- Customers: the name search (its word table kept by triggers, customers_search for the list and the
-- export) and what other modules read of customers by name (customers_named, CustomerDirectory.idsNamed).
-- Owned here, as repeatable source: a change edits this file (docs/architecture.md, "Modules own their
-- data"); first written in V24 and V29.

create or replace function customer_search_words_customers() returns trigger
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

create or replace function customer_search_words_contacts() returns trigger
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

create or replace function customers_search(p_q text, p_digits text, p_viewer uuid, p_limit int)
    returns table (id uuid, matches bigint)
    language plpgsql stable security definer set search_path = public, pg_temp
    set max_parallel_workers_per_gather = 0 set plan_cache_mode = force_generic_plan
    rows 100
as $$
#variable_conflict use_column
declare
    v_tenant   uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    -- f_search_words and f_unaccent written out: a SQL function called from here is planned again on every
    -- call, a statement of this function is planned once per session
    v_words    text[] := array(select distinct w
                                 from regexp_split_to_table(lower(public.unaccent('public.unaccent'::regdictionary, p_q)),
                                                            '[[:space:][:punct:]]+') w
                                where w <> '' limit 16);
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

create or replace function customers_matching(p_q text, p_digits text)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    rows 100
as $$
    select id from customers_search(p_q, p_digits, null, null)
$$;

revoke all on function customers_search(text, text, uuid, int) from public;
grant execute on function customers_search(text, text, uuid, int) to ${appRole};
revoke all on function customers_matching(text, text) from public;
grant execute on function customers_matching(text, text) to ${appRole};

drop trigger if exists customer_search_words_insert on customers;
create trigger customer_search_words_insert after insert on customers
    referencing new table as new_rows for each statement execute function customer_search_words_customers();

drop trigger if exists customer_search_words_update on customers;
create trigger customer_search_words_update after update on customers
    referencing old table as old_rows new table as new_rows for each statement execute function customer_search_words_customers();

drop trigger if exists customer_search_words_insert on customer_contacts;
create trigger customer_search_words_insert after insert on customer_contacts
    referencing new table as new_rows for each statement execute function customer_search_words_contacts();

drop trigger if exists customer_search_words_update on customer_contacts;
create trigger customer_search_words_update after update on customer_contacts
    referencing old table as old_rows new table as new_rows for each statement execute function customer_search_words_contacts();

drop trigger if exists customer_search_words_delete on customer_contacts;
create trigger customer_search_words_delete after delete on customer_contacts
    referencing old table as old_rows for each statement execute function customer_search_words_contacts();

-- The customers whose own name has every word of the text as the beginning of one of its words (deleted
-- customers too: the records that name them stay), through the customer words index, the longest word
-- driving. Security definer and bound to the transaction's tenant: under row-level security the
-- application role could not use the word index itself.
create or replace function customers_named(p_q text)
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
revoke all on function customers_named(text) from public;
grant execute on function customers_named(text) to ${appRole};
