-- Platform: the text helpers every module's search uses (accents and case aside, words of a name, phone
-- digits). Immutable: indexes are built on them. Owned here, as repeatable source: a change edits this file
-- (docs/architecture.md, "Modules own their data"); first written in V7 and V24.

create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create or replace function f_phone_digits(text[]) returns text
    language sql immutable parallel safe strict
as $$ select regexp_replace(array_to_string($1, ' '), '[^0-9 ]', '', 'g') $$;

create or replace function f_search_words(p_text text)
    returns setof text
    language sql immutable parallel safe strict
as $$
    select distinct w from regexp_split_to_table(p_text, '[[:space:][:punct:]]+') w where w <> ''
$$;

create or replace function f_search_words_of(p_text text)
    returns table (word text, line text)
    language sql immutable parallel safe strict
as $$
    select w, ' ' || array_to_string(a.words, ' ')
      from (select array(select f_search_words(p_text)) as words) a, unnest(a.words) w
$$;

grant execute on function f_unaccent(text), f_phone_digits(text[]) to ${appRole};
