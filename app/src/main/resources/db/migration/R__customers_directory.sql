-- Customers: what other modules read of customers by name (CustomerDirectory.idsNamed). Owned here, as
-- repeatable source: a change edits this file (docs/architecture.md, "Modules own their data").
--
-- The customers whose own name has every word of the text as the beginning of one of its words (deleted
-- customers too: the records that name them stay), through the customer words index (V24), the longest
-- word driving. Security definer and bound to the transaction's tenant: under row-level security the
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
