/**
 * WhatsApp simulator, for development and demos (off in production: {@code ambiosys.simulator.enabled}).
 * For the tenant's simulated channels it plays Meta: its Graph endpoints take the platform's sends and
 * media lookups, it reports sent, delivered and read back as signed status webhooks, and a tester writes
 * as a customer's phone, which reaches the platform as a signed Cloud API webhook over real HTTP.
 * It uses only the inbox's public API ({@link com.ambiosys.inbox.Channels}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "WhatsApp simulator",
        allowedDependencies = { "platform", "audit", "identity", "inbox" })
package com.ambiosys.simulator;
