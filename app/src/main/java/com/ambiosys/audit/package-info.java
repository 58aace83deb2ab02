/**
 * Audit: the append-only record of every change and security event, and the API usage log.
 * Modules call {@link com.ambiosys.audit.AuditTrail} inside their own transaction, so a change and its
 * audit row commit or roll back together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = { "platform", "tenants" })
package com.ambiosys.audit;
