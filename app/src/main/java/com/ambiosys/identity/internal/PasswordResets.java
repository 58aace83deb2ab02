package com.ambiosys.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.mail.Mailer;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.web.PublicUrl;

/**
 * Password reset and invitation links: a one-time token mailed to the user, stored hashed, valid for
 * a short while. Using it sets the password and ends every open session of the user.
 */
@Service
public class PasswordResets {

    private final JdbcClient jdbc;
    private final TenantTransactions tenantTx;
    private final Users users;
    private final RefreshTokenStore refreshTokens;
    private final AccessLog accessLog;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final SecurityProperties settings;
    private final Clock clock;
    private final LoginBackoff backoff;
    private final LoginCandidates loginCandidates;
    /**
     * Reset mails leave from here, after the answer: sent on the request's thread, the SMTP round trip
     * would make a known email's answer slower than an unknown one's. One thread keeps them in order.
     */
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResets(JdbcClient jdbc, Users users, RefreshTokenStore refreshTokens,
            AccessLog accessLog, AuditTrail audit, PasswordEncoder passwords, LoginThrottle throttle, Mailer mailer,
            MessageSource messages, PublicUrl publicUrl, SecurityProperties settings, Clock clock,
            TenantTransactions tenantTx, LoginBackoff backoff, LoginCandidates loginCandidates) {
        this.loginCandidates = loginCandidates;
        this.tenantTx = tenantTx;
        this.backoff = backoff;
        this.jdbc = jdbc;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessLog = accessLog;
        this.audit = audit;
        this.passwords = passwords;
        this.throttle = throttle;
        this.mailer = mailer;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.clock = clock;
    }

    /** Mails a reset link to every account with this email (or the one in the named tenant). Says nothing either way. */
    public void request(String email, String tenantSlug, ClientInfo client) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        throttle.check(client.ip(), normalized);
        for (LoginCandidates.Account account : loginCandidates.of(normalized, tenantSlug)) {
            List<Runnable> mails = new ArrayList<>();
            tenantTx.run(account.tenantId(), status -> users.find(account.tenantId(), account.userId())
                .filter(User::active)
                .ifPresent(user -> {
                    String token = createToken(user, settings.resetTokenTtl());
                    accessLog.record(AccessEvent.PASSWORD_RESET_REQUESTED, user.id(), user.email(), client);
                    mails.add(() -> mail(user, "password-reset", token, settings.resetTokenTtl()));
                }));
            mails.forEach(outbox::execute);
        }
    }

    @PreDestroy
    void stopOutbox() {
        outbox.shutdown();
    }

    /** Sets a new password with a token from a reset or invitation email. */
    public void confirm(String token, String newPassword, ClientInfo client) {
        throttle.check(client.ip(), null);
        UUID tenant = SecretTokens.tenantOf(token)
            .orElseThrow(() -> new InvalidInputException("invalid-reset-token"));
        tenantTx.run(tenant, status -> {
            Instant now = clock.instant();
            var row = jdbc.sql("""
                    select id, user_id from password_reset_tokens
                     where tenant_id = :t and token_hash = :h and used_at is null and expires_at > :now for update
                    """)
                .param("t", tenant).param("h", SecretTokens.hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
                .optional()
                .orElseThrow(() -> new InvalidInputException("invalid-reset-token"));
            User user = users.find(tenant, row[1]).orElseThrow(() -> new InvalidInputException("invalid-reset-token"));
            jdbc.sql("update password_reset_tokens set used_at = :now where tenant_id = :t and id = :id")
                .param("now", Timestamp.from(now)).param("t", tenant).param("id", row[0]).update();
            user.changePassword(passwords.encode(newPassword), now);
            backoff.forget(user.email());
            int revoked = refreshTokens.revokeAllOf(user.id());
            accessLog.record(AccessEvent.PASSWORD_RESET, user.id(), user.email(), client);
            audit.security("password-reset", user.id(), Map.of("sessionsEnded", revoked));
        });
    }

    /** In the caller's transaction: a token for this user, valid for {@code ttl}. */
    String createToken(User user, Duration ttl) {
        String token = SecretTokens.create(user.tenantId());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into password_reset_tokens (tenant_id, id, user_id, token_hash, created_at, expires_at)
                values (:t, :id, :u, :h, :now, :exp)
                """)
            .param("t", user.tenantId()).param("id", Ids.next()).param("u", user.id())
            .param("h", SecretTokens.hash(token)).param("now", Timestamp.from(now))
            .param("exp", Timestamp.from(now.plus(ttl))).update();
        return token;
    }

    /** In the caller's transaction: the user's links not used yet stop working. */
    void deleteUnusedTokens(User user) {
        jdbc.sql("delete from password_reset_tokens where tenant_id = :t and user_id = :u and used_at is null")
            .param("t", user.tenantId()).param("u", user.id()).update();
    }

    /** Sends the reset or invitation email; call after the token's transaction committed. False: not sent. */
    boolean mail(User user, String kind, String token, Duration ttl) {
        Locale locale = Locale.forLanguageTag(user.language());
        String link = link(token);
        String subject = messages.getMessage("mail." + kind + ".subject", null, locale);
        String body = messages.getMessage("mail." + kind + ".body",
                new Object[] { user.fullName(), link, ttl.toHours() > 0 ? ttl.toHours() : 1 }, locale);
        return mailer.send(user.email(), subject, body);
    }

    /** The page where the token's holder sets their password. */
    String link(String token) {
        return publicUrl.value() + "/reset-password?token=" + token;
    }

    /** Whether emails can leave at all (an SMTP server is configured). */
    boolean mailConfigured() {
        return mailer.configured();
    }

    /** Deletes reset tokens that expired or were used more than a day ago. */
    int purgeExpired() {
        return jdbc.sql("delete from password_reset_tokens where tenant_id = :t and expires_at < :cutoff")
            .param("t", TenantContext.require())
            .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
            .update();
    }

}
