-- customers_search (V24), the same rules and results, cheaper per call (bench/README.md, customers):
-- * its statements keep one generic plan per session instead of being planned again on every call (the
--   plan is the same index range scan for any text; planning it cost a fifth of a search);
-- * no parallel workers: starting them costs more than a search, and the cores serve other requests;
-- * the words of the text split in the function itself (a nested SQL function was planned on every call).
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
