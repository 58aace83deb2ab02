package com.ambiosys.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.crypto.SecretCipher;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

/** The tenant's channels. WhatsApp secrets (access token, app secret, verify token) are encrypted at rest. */
@Service
public class Channels {

    /** A channel as the API shows it: secrets only as their last four characters. */
    public record Channel(UUID id, String kind, String name, String phoneNumberId, String wabaId, String displayPhone,
            String accessTokenHint, String appSecretHint, String verifyTokenHint, boolean active, Assignment assignment,
            boolean simulated) {
    }

    /** How new and reopened conversations are assigned: MANUAL, or ROUND_ROBIN among online agents (of the team, if any). */
    public record Assignment(AssignmentMode mode, UUID teamId) {
    }

    /** What a WhatsApp channel needs; a null secret (or assignment) on update keeps the stored one. */
    public record WhatsAppSettings(String name, String phoneNumberId, String wabaId, String displayPhone,
            String accessToken, String appSecret, String verifyToken, Boolean active, Assignment assignment,
            Boolean simulated) {
    }

    /**
     * A simulated channel as the WhatsApp simulator sees it: Meta's side of the conversation, so with its
     * secrets in clear (the simulator checks the access token and signs webhooks with the app secret).
     */
    public record SimulatedChannel(UUID tenantId, UUID id, String name, String phoneNumberId, String wabaId,
            String displayPhone, String accessToken, String appSecret, boolean active) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final InboxTeams teams;
    private final TenantTransactions tx;
    private final boolean simulatorEnabled;
    private final WhatsAppChannels webhookChannels;

    Channels(JdbcClient jdbc, SecretCipher cipher, AuditTrail audit, Clock clock, InboxTeams teams, TenantTransactions tx,
            @Value("${ambiosys.simulator.enabled:false}") boolean simulatorEnabled, WhatsAppChannels webhookChannels) {
        this.webhookChannels = webhookChannels;
        this.teams = teams;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.simulatorEnabled = simulatorEnabled;
    }

    @Transactional(readOnly = true)
    public List<Channel> list() {
        return jdbc.sql(SELECT + " where tenant_id = :t order by name").param("t", TenantContext.require())
            .query((rs, n) -> channel(rs)).list();
    }

    @Transactional(readOnly = true)
    public Channel get(UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id").param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> channel(rs)).optional().orElseThrow(() -> new NotFoundException("channel"));
    }

    @Transactional
    public Channel createWhatsApp(WhatsAppSettings settings) {
        requireSimulatorFor(settings);
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into inbox_channels (tenant_id, id, kind, name, phone_number_id, waba_id, display_phone,
                        access_token, app_secret, verify_token, verify_token_hash, active, simulated, created_at, updated_at)
                    values (:t, :id, 'WHATSAPP', :name, :phone, :waba, :display, :token, :secret, :verify, :hash, :active,
                        :simulated, :now, :now)
                    """)
                .param("t", TenantContext.require()).param("id", id).param("name", settings.name().trim())
                .param("phone", settings.phoneNumberId()).param("waba", settings.wabaId())
                .param("display", settings.displayPhone()).param("token", cipher.encrypt(settings.accessToken()))
                .param("secret", cipher.encrypt(settings.appSecret())).param("verify", cipher.encrypt(settings.verifyToken()))
                .param("hash", sha256(settings.verifyToken())).param("active", !Boolean.FALSE.equals(settings.active()))
                .param("simulated", Boolean.TRUE.equals(settings.simulated())).param("now", now).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("phone-number-in-use", settings.phoneNumberId());
        }
        assignment(id, settings.assignment());
        Channel created = get(id);
        audit.record(AuditAction.CREATE, "channel", id, null, created);
        return created;
    }

    @Transactional
    public Channel updateWhatsApp(UUID id, WhatsAppSettings settings) {
        requireSimulatorFor(settings);
        Channel before = get(id);
        if (settings.simulated() != null && settings.simulated() != before.simulated()) {
            // a real channel's tokens must never reach the simulator, nor a simulated one's traffic Meta
            throw new ConflictException("channel-simulated-fixed");
        }
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
                .param("active", !Boolean.FALSE.equals(settings.active()))
                .param("now", Timestamp.from(clock.instant()))
                .param("t", TenantContext.require()).param("id", id).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("phone-number-in-use", settings.phoneNumberId());
        }
        webhookChannels.forgetAfterCommit(); // the webhook's cached secret, phone number id or active flag
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
            throw new InvalidInputException("unknown-team");
        }
        jdbc.sql("update inbox_channels set assignment_mode = :mode, assignment_team_id = :team where tenant_id = :t and id = :id")
            .param("mode", assignment.mode() == null ? AssignmentMode.MANUAL.name() : assignment.mode().name()).param("team", assignment.teamId())
            .param("t", TenantContext.require()).param("id", id).update();
    }

    /** How the inbox reaches Meta for a channel: its token, and whether the simulator plays Meta for it. */
    @Transactional(readOnly = true)
    MetaGraph.Access graphAccess(UUID id) {
        return jdbc.sql("select access_token, simulated from inbox_channels where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> new MetaGraph.Access(cipher.decrypt(rs.getString(1)), rs.getBoolean(2))).optional()
            .orElseThrow(() -> new NotFoundException("channel"));
    }

    /** The current tenant's simulated channel (404 for a real one, or another tenant's). */
    @Transactional(readOnly = true)
    public SimulatedChannel simulated(UUID id) {
        UUID tenant = TenantContext.require();
        return jdbc.sql(SIMULATED + " where tenant_id = :t and id = :id and simulated").param("t", tenant).param("id", id)
            .query((rs, n) -> simulated(tenant, rs)).optional().orElseThrow(() -> new NotFoundException("channel"));
    }

    /** The simulated channel of a phone number id, whichever tenant's (Meta's side knows no tenant). */
    public Optional<SimulatedChannel> simulatedByPhoneNumberId(String phoneNumberId) {
        return jdbc.sql("select tenant_id, channel_id from inbox_simulated_channel(:p)").param("p", phoneNumberId)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).optional()
            .flatMap(ids -> simulatedOf(ids[0], ids[1]));
    }

    /** The simulated channels of a WhatsApp Business Account id, whichever tenant's. */
    public List<SimulatedChannel> simulatedByWabaId(String wabaId) {
        return jdbc.sql("select tenant_id, channel_id from inbox_simulated_channels_of_waba(:w)").param("w", wabaId)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).list().stream()
            .flatMap(ids -> simulatedOf(ids[0], ids[1]).stream()).toList();
    }

    /** A tenant's simulated channel by id, from outside a request (the simulator's Graph endpoints). */
    public Optional<SimulatedChannel> simulatedOf(UUID tenant, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(SIMULATED + " where tenant_id = :t and id = :id and simulated")
            .param("t", tenant).param("id", id).query((rs, n) -> simulated(tenant, rs)).optional());
    }

    private static final String SIMULATED = """
            select id, name, phone_number_id, waba_id, display_phone, access_token, app_secret, active from inbox_channels""";

    private SimulatedChannel simulated(UUID tenant, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SimulatedChannel(tenant, rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("phone_number_id"), rs.getString("waba_id"), rs.getString("display_phone"),
                cipher.decrypt(rs.getString("access_token")),
                cipher.decrypt(rs.getString("app_secret")), rs.getBoolean("active"));
    }

    private void requireSimulatorFor(WhatsAppSettings settings) {
        if (Boolean.TRUE.equals(settings.simulated()) && !simulatorEnabled) {
            throw new InvalidInputException("simulator-disabled");
        }
    }

    private static final String SELECT = """
            select id, kind, name, phone_number_id, waba_id, display_phone, access_token, app_secret, verify_token, active,
                   assignment_mode, assignment_team_id, simulated
              from inbox_channels""";

    private Channel channel(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Channel(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                rs.getString("phone_number_id"), rs.getString("waba_id"), rs.getString("display_phone"),
                hint(rs.getString("access_token")), hint(rs.getString("app_secret")), hint(rs.getString("verify_token")),
                rs.getBoolean("active"),
                new Assignment(AssignmentMode.valueOf(rs.getString("assignment_mode")), rs.getObject("assignment_team_id", UUID.class)),
                rs.getBoolean("simulated"));
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
