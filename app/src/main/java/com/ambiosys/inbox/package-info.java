/**
 * Inbox: the channels customers write to (WhatsApp Cloud API first), the contacts who write, and every
 * message in and out, stored exactly once. Webhooks are authenticated by their signature, not by a user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox",
        allowedDependencies = { "platform", "audit", "customers", "files", "identity", "tenants" })
package com.ambiosys.inbox;
