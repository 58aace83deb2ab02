package com.ambiosys.servicerequests;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.ambiosys.customers.Country;
import com.ambiosys.customers.CustomerDirectory;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.tenants.TenantManagement;

/**
 * Who gets a request nobody named an owner for. The customer's owner, when they may take requests (an active sales
 * rep who may edit requests); otherwise the next, by round robin, of the reps of the customer's country.
 *
 * <p>A rep's country is not a user attribute: it is the country of the customers they own (customers' published
 * {@link CustomerDirectory#countriesOwnedBy}), so a rep who owns Guatemalan and Salvadoran customers serves both;
 * a rep who owns none yet counts as of the tenant's country. The choice and its reason go to the request's history
 * ({@link Choice#code()}, told in words by {@link ServiceRequestDetails#history}).
 */
@Component
class AutomaticAssignment {

    /** The role and permission a person needs to be given requests automatically. */
    static final String REP_ROLE = "SALES";
    static final String TAKES_REQUESTS = "servicerequests:edit";

    /** Why the person was chosen. */
    enum Reason {
        CUSTOMER_OWNER, COUNTRY_ROUND_ROBIN, NO_REP
    }

    /** The chosen rep (null when there is none) and why, for the customer's country. */
    record Choice(UUID owner, Reason reason, Country country) {

        /** As stored with the assignment: {@code CUSTOMER_OWNER}, {@code COUNTRY_ROUND_ROBIN:GT}, {@code NO_REP:SV}. */
        String code() {
            return reason == Reason.CUSTOMER_OWNER ? reason.name() : reason.name() + ":" + country.name();
        }
    }

    private final StaffDirectory staff;
    private final CustomerDirectory customers;
    private final TenantManagement tenants;
    private final RoundRobin roundRobin;

    AutomaticAssignment(StaffDirectory staff, CustomerDirectory customers, TenantManagement tenants, RoundRobin roundRobin) {
        this.staff = staff;
        this.customers = customers;
        this.tenants = tenants;
        this.roundRobin = roundRobin;
    }

    /** The owner for a request of this type for a customer of this country owned by {@code customerOwner} (or nobody). */
    Choice choose(UUID serviceTypeId, UUID customerOwner, Country country) {
        List<UUID> reps = reps();
        if (customerOwner != null && reps.contains(customerOwner)) {
            return new Choice(customerOwner, Reason.CUSTOMER_OWNER, country);
        }
        UUID next = roundRobin.next(serviceTypeId, country, repsOf(country, reps));
        return new Choice(next, next == null ? Reason.NO_REP : Reason.COUNTRY_ROUND_ROBIN, country);
    }

    /** Active sales reps who may edit requests. */
    private List<UUID> reps() {
        Set<UUID> allowed = new HashSet<>();
        staff.activeWith(TAKES_REQUESTS).forEach(m -> allowed.add(m.id().value()));
        return staff.activeWithRole(REP_ROLE).stream().map(m -> m.id().value()).filter(allowed::contains).toList();
    }

    private List<UUID> repsOf(Country country, List<UUID> reps) {
        Map<UUID, Set<Country>> owned = customers.countriesOwnedBy(reps);
        Set<Country> home = Set.of(tenantCountry());
        return reps.stream().filter(rep -> owned.getOrDefault(rep, home).contains(country)).toList();
    }

    private Country tenantCountry() {
        return tenants.find(TenantContext.require()).map(t -> Country.valueOf(t.country())).orElse(Country.GT);
    }
}
