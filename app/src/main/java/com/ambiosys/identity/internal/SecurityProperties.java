package com.ambiosys.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins wrong passwords in a row, for one account from one client IP, after which that pair
 *        waits before its next try (one minute, doubling with each further failure)
 * @param lockDuration the longest such wait; failures further apart than this are not "in a row"
 * @param principalCacheTtl how long a request may trust a cached "user and tenant are active"
 * @param resetTokenTtl how long a password reset link works
 * @param invitationTtl how long an invitation (set your password) link works
 */
@ConfigurationProperties("ambiosys.security")
record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("5s") Duration principalCacheTtl, @DefaultValue("1h") Duration resetTokenTtl,
        @DefaultValue("72h") Duration invitationTtl) {
}
