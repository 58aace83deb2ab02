package com.ambiosys.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.crypto.SecretCipher;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.ApiException;

/** The tenant's channels. WhatsApp secrets (access token, app secret, verify token) are encrypted at rest. */
@Service
public class Channels {

    /** A channel as the API shows it: secrets only as their last four characters. */
    public record Channel(UUID id, String kind, String name, String phoneNumberId, String wabaId, String displayPhone,
            String accessTokenHint, String appSecretHint, String verifyTokenHint, boolean active, Assignment assignment) {
    }

    /** How new and reopened conversations are assigned: MANUAL, or ROUND_ROBIN among online agents (of the team, if any). */
    public record Assignment(String mode, UUID teamId) {
    }

    /** What a WhatsApp channel needs; a null secret (or assignment) on update keeps the stored one. */
    public record WhatsAppSettings(String name, String phoneNumberId, String wabaId, String displayPhone,
            String accessToken, String appSecret, String verifyToken, Boolean active, Assignment assignment) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final InboxTeams teams;

    Channels(JdbcClient jdbc, SecretCipher cipher, AuditTrail audit, Clock clock, InboxTeams teams) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Channel> list() {
        return jdbc.sql(SELECT + " where tenant_id = :t order by name").param("t", TenantContext.require())
            .query((rs, n) -> channel(rs)).list();
    }

    @Transactional(readOnly = true)
    public Channel get(UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id").param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> channel(rs)).optional().orElseThrow(() -> ApiException.notFound("channel"));
    }

    @Transactional
    public Channel createWhatsApp(WhatsAppSettings settings) {
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into inbox_channels (tenant_id, id, kind, name, phone_number_id, waba_id, display_phone,
                        access_token, app_secret, verify_token, verify_token_hash, active, created_at, updated_at)
                    values (:t, :id, 'WHATSAPP', :name, :phone, :waba, :display, :token, :secret, :verify, :hash, :active,
                        :now, :now)
                    """)
                .param("t", TenantContext.require()).param("id", id).param("name", settings.name().trim())
                .param("phone", settings.phoneNumberId()).param("waba", settings.wabaId())
                .param("display", settings.displayPhone()).param("token", cipher.encrypt(settings.accessToken()))
                .param("secret", cipher.encrypt(settings.appSecret())).param("verify", cipher.encrypt(settings.verifyToken()))
                .param("hash", sha256(settings.verifyToken())).param("active", !Boolean.FALSE.equals(settings.active()))
                .param("now", now).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("phone-number-in-use", settings.phoneNumberId());
        }
        assignment(id, settings.assignment());
        Channel created = get(id);
        audit.record(AuditAction.CREATE, "channel", id, null, created);
        return created;
    }

    @Transactional
    public Channel updateWhatsApp(UUID id, WhatsAppSettings settings) {
        Channel before = get(id);
        try {
            jdbc.sql("""
                    update inbox_channels set name = :name, phone_number_id = :phone, waba_id = :waba, display_phone = :display,
                           access_token = coalesce(:token, access_token), app_secret = coalesce(:secret, app_secret),
                           verify_token = coalesce(:verify, verify_token), verify_token_hash = coalesce(:hash, verify_token_hash),
                           active = :active, updated_at = :now, version = version + 1
                     where tenant_id = :t and id = :id
                    """)
                .param("name", settings.name().trim()).param("phone", settings.phoneNumberId())
                .param("waba", settings.wabaId()).param("display", settings.displayPhone())
                .param("token", blank(settings.accessToken()) ? null : cipher.encrypt(settings.accessToken()))
                .param("secret", blank(settings.appSecret()) ? null : cipher.encrypt(settings.appSecret()))
                .param("verify", blank(settings.verifyToken()) ? null : cipher.encrypt(settings.verifyToken()))
                .param("hash", blank(settings.verifyToken()) ? null : sha256(settings.verifyToken()))
                .param("active", !Boolean.FALSE.equals(settings.active())).param("now", Timestamp.from(clock.instant()))
                .param("t", TenantContext.require()).param("id", id).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("phone-number-in-use", settings.phoneNumberId());
        }
        assignment(id, settings.assignment());
        Channel after = get(id);
        audit.record(AuditAction.UPDATE, "channel", id, before, after);
        return after;
    }

    private void assignment(UUID id, Assignment assignment) {
        if (assignment == null) {
            return;
        }
        if (assignment.teamId() != null && !teams.exists(assignment.teamId())) {
            throw ApiException.badRequest("unknown-team");
        }
        jdbc.sql("update inbox_channels set assignment_mode = :mode, assignment_team_id = :team where tenant_id = :t and id = :id")
            .param("mode", assignment.mode() == null ? "MANUAL" : assignment.mode()).param("team", assignment.teamId())
            .param("t", TenantContext.require()).param("id", id).update();
    }

    /** The decrypted access token of a channel (for calls to Meta). */
    @Transactional(readOnly = true)
    public String accessToken(UUID id) {
        return jdbc.sql("select access_token from inbox_channels where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query(String.class).optional().map(cipher::decrypt)
            .orElseThrow(() -> ApiException.notFound("channel"));
    }

    private static final String SELECT = """
            select id, kind, name, phone_number_id, waba_id, display_phone, access_token, app_secret, verify_token, active,
                   assignment_mode, assignment_team_id
              from inbox_channels""";

    private Channel channel(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Channel(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                rs.getString("phone_number_id"), rs.getString("waba_id"), rs.getString("display_phone"),
                hint(rs.getString("access_token")), hint(rs.getString("app_secret")), hint(rs.getString("verify_token")),
                rs.getBoolean("active"),
                new Assignment(rs.getString("assignment_mode"), rs.getObject("assignment_team_id", UUID.class)));
    }

    private String hint(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        String plain = cipher.decrypt(encrypted);
        return plain.length() <= 4 ? "••••" : "••••" + plain.substring(plain.length() - 4);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
