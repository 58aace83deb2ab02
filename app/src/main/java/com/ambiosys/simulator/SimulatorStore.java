package com.ambiosys.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.simulator.Simulator.Media;
import com.ambiosys.simulator.Simulator.Phone;
import com.ambiosys.simulator.Simulator.ThreadMessage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's tables: its phones, their threads and the media the platform uploads. The methods without a
 * tenant transaction of their own run in the caller's ({@code tx.run}), so a caller can write several in one.
 */
@Component
@SimulatorEnabled
class SimulatorStore {

    /** The statuses of what the platform sent, in the order Meta reports them. */
    static final List<String> OUT_ORDER = List.of("SENT", "DELIVERED", "READ");

    private static final String PHONE = "select id, channel_id, wa_id, profile_name, created_at from simulator_phones";
    private static final String MESSAGE = """
            select id, direction, wamid, type, body, payload::text, status, media_type, created_at from simulator_messages""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final Clock clock;

    SimulatorStore(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- phones ----

    List<Phone> phones(UUID tenant, UUID channelId) {
        return tx.read(tenant, s -> jdbc.sql(PHONE + " where tenant_id = :t and channel_id = :c order by profile_name, wa_id")
            .param("t", tenant).param("c", channelId).query((rs, n) -> phone(rs)).list());
    }

    Phone phone(UUID tenant, UUID phoneId) {
        return tx.read(tenant, s -> jdbc.sql(PHONE + " where tenant_id = :t and id = :id").param("t", tenant).param("id", phoneId)
            .query((rs, n) -> phone(rs)).optional()).orElseThrow(() -> new NotFoundException("simulator-phone"));
    }

    /** In the caller's transaction. */
    void insertPhone(UUID tenant, UUID id, UUID channelId, String waId, String profileName) {
        jdbc.sql("""
                insert into simulator_phones (tenant_id, id, channel_id, wa_id, profile_name, created_at)
                values (:t, :id, :c, :w, :name, :now)
                """).param("t", tenant).param("id", id).param("c", channelId).param("w", waId).param("name", profileName)
            .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The phone of a WhatsApp id on a channel, created (named by its number) if the simulator did not know it; in the caller's transaction. */
    UUID phoneOf(UUID tenant, UUID channelId, String waId) {
        return jdbc.sql("select id from simulator_phones where tenant_id = :t and channel_id = :c and wa_id = :w")
            .param("t", tenant).param("c", channelId).param("w", waId).query(UUID.class).optional().orElseGet(() -> {
                UUID created = Ids.next();
                insertPhone(tenant, created, channelId, waId, "+" + waId);
                return created;
            });
    }

    // ---- threads ----

    /** The latest 500 messages of a phone's thread, oldest first (as a chat reads). */
    List<ThreadMessage> thread(UUID tenant, UUID phoneId) {
        return tx.read(tenant, s -> jdbc.sql("select * from (" + MESSAGE
                + " where tenant_id = :t and phone_id = :p order by created_at desc, id desc limit 500) latest order by created_at, id")
            .param("t", tenant).param("p", phoneId).query((rs, n) -> message(rs)).list());
    }

    Optional<ThreadMessage> message(UUID tenant, UUID phoneId, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(MESSAGE + " where tenant_id = :t and phone_id = :p and id = :id")
            .param("t", tenant).param("p", phoneId).param("id", id).query((rs, n) -> message(rs)).optional());
    }

    ThreadMessage message(UUID tenant, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(MESSAGE + " where tenant_id = :t and id = :id").param("t", tenant)
            .param("id", id).query((rs, n) -> message(rs)).single());
    }

    /** In the caller's transaction. */
    void insertMessage(UUID tenant, UUID id, UUID phoneId, String direction, String wamid, String type, String body,
            Object payload, String status, Media media, Instant at) {
        JsonNode tree = payload instanceof JsonNode node ? node : json.valueToTree(payload);
        jdbc.sql("""
                insert into simulator_messages (tenant_id, id, phone_id, direction, wamid, type, body, payload, status,
                    media_id, media_type, media_sha256, media, created_at)
                values (:t, :id, :p, :d, :w, :type, :body, cast(:payload as jsonb), :status, :mediaId, :mediaType, :sha,
                    :bytes, :at)
                """).param("t", tenant).param("id", id).param("p", phoneId).param("d", direction).param("w", wamid)
            .param("type", type).param("body", body).param("payload", json.writeValueAsString(tree)).param("status", status)
            .param("mediaId", media == null ? null : tree.path(type).path("id").asString(null))
            .param("mediaType", media == null ? null : media.mimeType()).param("sha", media == null ? null : media.sha256())
            .param("bytes", media == null ? null : media.bytes()).param("at", Timestamp.from(at)).update();
    }

    /** Media sent by the id of an upload: the thread shows its type. In the caller's transaction. */
    void showUploadedMedia(UUID tenant, UUID id) {
        jdbc.sql("""
                update simulator_messages m set media_type = u.media_type from simulator_uploads u
                 where m.tenant_id = :t and m.id = :id and u.tenant_id = m.tenant_id and u.media_id = m.payload -> m.type ->> 'id'
                """).param("t", tenant).param("id", id).update();
    }

    /** The phone's message reached the platform (its webhook answered 200). */
    void accepted(UUID tenant, UUID id) {
        // not over READ: the platform may have read it before its webhook's answer got here
        tx.run(tenant, s -> jdbc.sql("update simulator_messages set status = 'ACCEPTED' where tenant_id = :t and id = :id and status = 'REJECTED'")
            .param("t", tenant).param("id", id).update());
    }

    /** The platform's messages to a phone not yet read, oldest first. */
    List<String> unread(UUID tenant, UUID phoneId) {
        return tx.read(tenant, s -> jdbc.sql("""
                select wamid from simulator_messages where tenant_id = :t and phone_id = :p and direction = 'OUT'
                   and status <> 'READ' order by created_at
                """).param("t", tenant).param("p", phoneId).query(String.class).list());
    }

    /**
     * The platform read the phone's message {@code wamid} on the channel: it and the phone's earlier messages that
     * reached the platform become READ. False when the channel has no such message from a phone.
     */
    boolean readByBusiness(UUID tenant, UUID channelId, String wamid) {
        return tx.call(tenant, s -> {
            java.util.Optional<Object[]> message = jdbc.sql("""
                    select m.phone_id, m.created_at from simulator_messages m
                      join simulator_phones p on p.tenant_id = m.tenant_id and p.id = m.phone_id
                     where m.tenant_id = :t and p.channel_id = :c and m.wamid = :w and m.direction = 'IN'
                    """).param("t", tenant).param("c", channelId).param("w", wamid)
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2) }).optional();
            message.ifPresent(m -> jdbc.sql("""
                    update simulator_messages set status = 'READ'
                     where tenant_id = :t and phone_id = :p and direction = 'IN' and status <> 'READ' and created_at <= :at
                    """).param("t", tenant).param("p", m[0]).param("at", m[1]).update());
            return message.isPresent();
        });
    }

    /** Moves the status of what the platform sent, and the status reported, forward only. */
    void advance(UUID tenant, String wamid, String status) {
        tx.run(tenant, s -> jdbc.sql("""
                update simulator_messages
                   set status = case when array_position(cast(:order as text[]), status)
                                          < array_position(cast(:order as text[]), cast(:next as text))
                                     then :next else status end,
                       reported = case when reported is null
                                         or array_position(cast(:order as text[]), reported)
                                            < array_position(cast(:order as text[]), cast(:next as text))
                                       then :next else reported end
                 where tenant_id = :t and wamid = :w and direction = 'OUT'
                """).param("next", status).param("t", tenant).param("w", wamid)
            .param("order", OUT_ORDER.toArray(String[]::new)).update());
    }

    /** Every tenant's outbound messages that came between the two instants and whose delivery was not reported (at most 200). */
    List<StatusReports.Missed> unreported(Instant after, Instant before) {
        return jdbc.sql("select tenant_id, channel_id, wa_id, wamid, reported from simulator_unreported(:after, :before, 200)")
            .param("after", Timestamp.from(after))
            .param("before", Timestamp.from(before))
            .query(StatusReports.Missed.class)
            .list();
    }

    // ---- media ----

    /** The bytes of a photo the phone sent, or of media the platform sent to it. */
    Optional<Media> media(UUID tenant, UUID phoneId, UUID messageId) {
        return tx.read(tenant, s -> jdbc.sql("""
                select coalesce(m.media, u.bytes), coalesce(m.media_type, u.media_type), coalesce(m.media_sha256, u.sha256)
                  from simulator_messages m
                  left join simulator_uploads u on u.tenant_id = m.tenant_id and u.media_id = m.payload -> m.type ->> 'id'
                 where m.tenant_id = :t and m.phone_id = :p and m.id = :id and coalesce(m.media, u.bytes) is not null
                """).param("t", tenant).param("p", phoneId).param("id", messageId)
            .query((rs, n) -> new Media(rs.getBytes(1), rs.getString(2), rs.getString(3))).optional());
    }

    void upload(UUID tenant, UUID channelId, String mediaId, byte[] bytes, String mimeType, String filename) {
        tx.run(tenant, s -> jdbc.sql("""
                insert into simulator_uploads (tenant_id, media_id, channel_id, media_type, sha256, bytes, filename, created_at)
                values (:t, :m, :c, :type, :sha, :bytes, :name, :now)
                """).param("t", tenant).param("m", mediaId).param("c", channelId).param("type", mimeType)
            .param("sha", CloudIds.sha256(bytes)).param("bytes", bytes).param("name", filename)
            .param("now", Timestamp.from(clock.instant())).update());
    }

    /** Whose a media id is (tenant and channel), whichever tenant's: Meta's side knows no tenant. */
    Optional<UUID[]> mediaOwner(String mediaId) {
        return jdbc.sql("select tenant_id, channel_id from simulator_media_owner(:m)").param("m", mediaId)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).optional();
    }

    /** A phone's photo or a platform's upload by its media id. */
    Optional<Media> media(UUID tenant, String mediaId) {
        return tx.read(tenant, s -> jdbc.sql("""
                select media, media_type, media_sha256 from simulator_messages where tenant_id = :t and media_id = :m
                union all
                select bytes, media_type, sha256 from simulator_uploads where tenant_id = :t and media_id = :m
                """).param("t", tenant).param("m", mediaId)
            .query((rs, n) -> new Media(rs.getBytes(1), rs.getString(2), rs.getString(3))).optional());
    }

    private static Phone phone(ResultSet rs) throws SQLException {
        return new Phone(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class), "+" + rs.getString("wa_id"),
                rs.getString("profile_name"), rs.getTimestamp("created_at").toInstant());
    }

    private ThreadMessage message(ResultSet rs) throws SQLException {
        return new ThreadMessage(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("wamid"),
                rs.getString("type"), rs.getString("body"), json.readTree(rs.getString("payload")), rs.getString("status"),
                rs.getString("media_type"), rs.getTimestamp("created_at").toInstant());
    }
}
