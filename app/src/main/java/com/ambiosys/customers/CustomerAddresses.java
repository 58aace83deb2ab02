package com.ambiosys.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerViews.Customer;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/** A customer's addresses: added, changed, removed; their place checked against the country's geography. */
@Component
class CustomerAddresses {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final com.ambiosys.geo.GeoDirectory geo;
    private final CustomerQueries queries;

    CustomerAddresses(JdbcClient jdbc, AuditTrail audit, Clock clock, com.ambiosys.geo.GeoDirectory geo,
            CustomerQueries queries) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.geo = geo;
        this.queries = queries;
    }

    CustomerViews.Address addAddress(UUID customerId, CustomerViews.NewAddress address) {
        Customer customer = queries.get(customerId);
        checkAddress(customer, address);
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into customer_addresses (tenant_id, id, customer_id, kind, department_id, municipality_id, district_id,
                                                zone, street, reference, latitude, longitude, created_at, updated_at)
                values (:t, :id, :c, :kind, :dep, :mun, :dis, :zone, :street, :ref, :lat, :lon, :now, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("c", customerId).param("kind", address.kind().name())
            .param("dep", address.departmentId()).param("mun", address.municipalityId()).param("dis", address.districtId())
            .param("zone", address.zone()).param("street", address.street().trim()).param("ref", address.reference())
            .param("lat", address.latitude()).param("lon", address.longitude()).param("now", now)
            .update();
        CustomerViews.Address created = address(customerId, id);
        audit.record(AuditAction.CREATE, "customer_address", id, null, created);
        return created;
    }

    CustomerViews.Address updateAddress(UUID customerId, UUID addressId, CustomerViews.NewAddress address) {
        Customer customer = queries.get(customerId);
        CustomerViews.Address before = address(customerId, addressId);
        checkAddress(customer, address);
        jdbc.sql("""
                update customer_addresses set kind = :kind, department_id = :dep, municipality_id = :mun, district_id = :dis,
                       zone = :zone, street = :street, reference = :ref, latitude = :lat, longitude = :lon, updated_at = :now
                 where tenant_id = :t and id = :id
                """)
            .param("kind", address.kind().name()).param("dep", address.departmentId()).param("mun", address.municipalityId())
            .param("dis", address.districtId()).param("zone", address.zone()).param("street", address.street().trim())
            .param("ref", address.reference()).param("lat", address.latitude()).param("lon", address.longitude())
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", addressId)
            .update();
        CustomerViews.Address after = address(customerId, addressId);
        audit.record(AuditAction.UPDATE, "customer_address", addressId, before, after);
        return after;
    }

    private void checkAddress(Customer customer, CustomerViews.NewAddress address) {
        if (!geo.isValidPlace(customer.country().name(), address.departmentId(), address.municipalityId(), address.districtId())) {
            throw new InvalidInputException("invalid-place");
        }
        if ((address.latitude() == null) != (address.longitude() == null)) {
            throw new InvalidInputException("incomplete-coordinates");
        }
    }

    private CustomerViews.Address address(UUID customerId, UUID addressId) {
        return queries.addresses(customerId).stream().filter(a -> a.id().equals(addressId)).findFirst()
            .orElseThrow(() -> new NotFoundException("address"));
    }

    void removeAddress(UUID customerId, UUID addressId) {
        queries.get(customerId);
        CustomerViews.Address before = address(customerId, addressId);
        jdbc.sql("delete from customer_addresses where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", addressId).update();
        audit.record(AuditAction.DELETE, "customer_address", addressId, before, null);
    }}
