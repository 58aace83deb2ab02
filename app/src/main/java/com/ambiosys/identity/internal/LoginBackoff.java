package com.ambiosys.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.errors.RateLimitedException;

/**
 * Wrong passwords counted per account and client IP, in the database (every instance sees the same
 * counts). After {@code maxFailedLogins} in a row that pair waits, one minute at first and twice as long
 * after each further failure, up to {@code lockDuration}; the account itself never locks, so a stranger
 * from another address cannot keep its owner out. Unknown emails are counted and made to wait exactly
 * like known ones: the answers do not tell them apart. Accounts are stored as a hash, so the emails
 * people mistype are not kept.
 */
@Component
class LoginBackoff {

    private static final Duration FIRST_WAIT = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecurityProperties settings;
    private final Clock clock;

    LoginBackoff(JdbcClient jdbc, TransactionTemplate tx, SecurityProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses (rate-limited, with the seconds to wait) while this account must wait before another try from this IP. */
    void check(String email, String ip) {
        Instant now = clock.instant();
        tx.execute(status -> jdbc.sql("select blocked_until from login_backoff where account = :a and ip = :ip")
            .param("a", account(email)).param("ip", ip)
            .query(Timestamp.class).optional())
            .map(Timestamp::toInstant)
            .filter(until -> until.isAfter(now))
            .ifPresent(until -> {
                throw new RateLimitedException("rate-limited", Math.max(1, Duration.between(now, until).toSeconds()));
            });
    }

    /** Counts a wrong password (or an unknown email); answers true if the pair must now wait. */
    boolean failed(String email, String ip) {
        Instant now = clock.instant();
        String account = account(email);
        return Boolean.TRUE.equals(tx.execute(status -> {
            jdbc.sql("""
                    insert into login_backoff (account, ip, failures, last_failure) values (:a, :ip, 0, :now)
                    on conflict (account, ip) do nothing
                    """).param("a", account).param("ip", ip).param("now", Timestamp.from(now)).update();
            Previous previous = jdbc.sql("""
                    select failures, last_failure from login_backoff where account = :a and ip = :ip for update
                    """).param("a", account).param("ip", ip)
                .query((rs, n) -> new Previous(rs.getInt(1), rs.getTimestamp(2).toInstant())).single();
            // failures long apart are not "in a row"
            int failures = previous.last().isBefore(now.minus(settings.lockDuration())) ? 1 : previous.failures() + 1;
            Instant blockedUntil = failures >= settings.maxFailedLogins() ? now.plus(wait(failures)) : null;
            jdbc.sql("""
                    update login_backoff set failures = :f, last_failure = :now, blocked_until = :until
                     where account = :a and ip = :ip
                    """).param("f", failures).param("now", Timestamp.from(now))
                .param("until", blockedUntil == null ? null : Timestamp.from(blockedUntil))
                .param("a", account).param("ip", ip).update();
            return blockedUntil != null;
        }));
    }

    /** A right password from this IP: its count starts again. */
    void succeeded(String email, String ip) {
        tx.executeWithoutResult(status -> jdbc.sql("delete from login_backoff where account = :a and ip = :ip")
            .param("a", account(email)).param("ip", ip).update());
    }

    /** A new password (reset by email): no address has to wait any more for this account. */
    void forget(String email) {
        tx.executeWithoutResult(status -> jdbc.sql("delete from login_backoff where account = :a")
            .param("a", account(email)).update());
    }

    /** Deletes the counts of pairs that have neither failed nor waited for a while. */
    int purgeStale() {
        Instant before = clock.instant().minus(settings.lockDuration().multipliedBy(2));
        return tx.execute(status -> jdbc.sql("""
                delete from login_backoff where last_failure < :before and (blocked_until is null or blocked_until < :before)
                """).param("before", Timestamp.from(before)).update());
    }

    private Duration wait(int failures) {
        int doublings = Math.min(failures - settings.maxFailedLogins(), 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(settings.lockDuration()) > 0 ? settings.lockDuration() : wait;
    }

    private static String account(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Previous(int failures, Instant last) {
    }
}
