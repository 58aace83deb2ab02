/**
 * Events between modules on Spring Modulith's event publication registry: each
 * {@code @ApplicationModuleListener} runs in the tenant of its event, in a transaction of its own, after the
 * publisher's transaction committed; a publication whose listener failed stays incomplete and is delivered
 * again, at the next start and by a job (docs/architecture.md, "Events between modules").
 */
package com.ambiosys.platform.events;
