package com.ambiosys.customers;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.tenancy.TenantContext;

/**
 * What other modules read of the current tenant's customers, in batches (one statement per call, never one
 * per row): names by id, and ids by name. Deleted customers are included: the records that name them stay.
 * Other modules never read the customers' tables themselves (docs/architecture.md, "Modules own their data").
 */
@Service
public class CustomerDirectory {

    /** Who owns a customer (null: no one) and its country. */
    public record OwnerAndCountry(UUID ownerId, Country country) {
    }

    private final JdbcClient jdbc;

    CustomerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The commercial names of these customers, by id; ids that are not the tenant's customers are absent. */
    @Transactional(readOnly = true)
    public Map<CustomerId, String> namesOf(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<CustomerId, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, commercial_name from customers where tenant_id = :t and id = any(:ids)")
            .param("t", TenantContext.require())
            .param("ids", ids.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
            .query(rs -> {
                names.put(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2));
            });
        return names;
    }

    /**
     * The customers whose own name has every word of the text as the beginning of one of its words (accents
     * and case aside), sorted by id: customers_named, R__customers_search.sql.
     */
    @Transactional(readOnly = true)
    public List<CustomerId> idsNamed(String text) {
        return jdbc.sql("select id from customers_named(:q) id order by id").param("q", text)
            .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * The countries of the customers each of these users owns (deleted customers aside), by user id; a user who
     * owns none is absent. Service requests use it to tell a sales rep's country.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Set<Country>> countriesOwnedBy(Collection<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<Country>> countries = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct owner_id, country from customers
                 where tenant_id = :t and owner_id = any(:ids) and status <> 'DELETED'
                """)
            .param("t", TenantContext.require()).param("ids", ownerIds.stream().distinct().toArray(UUID[]::new))
            .query(rs -> {
                countries.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Country.class))
                    .add(Country.valueOf(rs.getString(2).trim()));
            });
        return countries;
    }

    /**
     * The owner and country of a customer of the tenant, whatever its status (deleted included) and whoever asks
     * (no visibility applies): what assigning its service requests needs, nothing of the customer shown.
     */
    @Transactional(readOnly = true)
    public Optional<OwnerAndCountry> ownerAndCountry(CustomerId id) {
        return jdbc.sql("select owner_id, country from customers where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id.value())
            .query((rs, n) -> new OwnerAndCountry(rs.getObject(1, UUID.class), Country.valueOf(rs.getString(2).trim())))
            .optional();
    }
}
