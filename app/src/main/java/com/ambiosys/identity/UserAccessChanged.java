package com.ambiosys.identity;

import java.util.UUID;

/**
 * A user's standing changed (status, roles or permissions: what their permission version tracks). Published on
 * the instance that made the change, once it is committed, so that whatever holds a long-lived session of the user
 * (the inbox's live stream) checks it again at once instead of at its next periodic check.
 */
public record UserAccessChanged(UUID tenantId, UUID userId) {
}
