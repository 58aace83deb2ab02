-- Customer lists sort as a Spanish reader expects: without regard to accents or capitals ("Álvarez"
-- between "Alba" and "Amado", not after "Zeta"). The embedded cluster has no ICU collations, so the list
-- orders by the stored search name (lower, unaccented) and this index serves that order.
drop index customers_names_idx;
create index customers_names_idx on customers (tenant_id, search_name, id)
    include (commercial_name, kind, tax_id, status, owner_id, tags, created_at) where status <> 'DELETED';
