/**
 * Service requests: what a customer asks for (portable toilets, septic tank pumping, a wastewater
 * plant, anything else), its workflow as an explicit state machine, its assignment to a sales rep,
 * and its SLA counted in the tenant's business hours.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service requests",
        allowedDependencies = { "platform", "audit", "catalog", "customers", "files", "identity", "tenants" })
package com.ambiosys.servicerequests;
