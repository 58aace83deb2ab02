package com.ambiosys.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.inbox.Channels;
import com.ambiosys.inbox.Channels.SimulatedChannel;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's phones and their threads, per tenant (RLS). A tester writes as a phone: the message is
 * kept in the thread and reaches the platform as a signed Cloud API webhook over HTTP. What the platform
 * sends to a phone arrives through {@link SimulatedGraph} and is reported sent and delivered at once;
 * read when the tester opens the thread ({@link #markRead}), as a person reads a chat when they open it. What the
 * phone wrote shows blue ticks when the platform reports it read ({@link #readByBusiness}).
 *
 * <p>Its parts: {@link SimulatorStore} (the tables), {@link PhoneMessages} (what a phone writes, as Cloud API
 * messages), {@link StatusReports} (Meta's status webhooks) and {@link CloudWebhooks}.
 */
@Service
@SimulatorEnabled
public class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    public record SimulatedChannelView(UUID id, String name, String displayPhone, String phoneNumberId, boolean active) {
    }

    public record Phone(UUID id, UUID channelId, String phone, String profileName, Instant createdAt) {
    }

    /**
     * One message of a phone's thread. {@code direction} as the inbox names it: IN = the phone wrote to the
     * platform (status ACCEPTED or REJECTED by its webhook), OUT = the platform wrote to the phone (SENT,
     * DELIVERED, READ); {@code payload} is the Cloud API message itself (for OUT, what the platform sent to Meta).
     */
    public record ThreadMessage(UUID id, String direction, String wamid, String type, String body, JsonNode payload,
            String status, String mediaType, Instant createdAt) {
    }

    /** What the tester sends as the phone. */
    public record Reply(ReplyType type, String text, UUID replyTo, String optionId, Double latitude, Double longitude,
            String name, String address) {
    }

    public record Media(byte[] bytes, String mimeType, String sha256) {
    }

    record SimulatedMedia(SimulatedChannel channel, Media media) {
    }

    private final SimulatorStore store;
    private final TenantTransactions tx;
    private final Channels channels;
    private final AuditTrail audit;
    private final CloudWebhooks webhooks;
    private final StatusReports statuses;
    private final Clock clock;

    Simulator(SimulatorStore store, TenantTransactions tx, Channels channels, AuditTrail audit, CloudWebhooks webhooks,
            StatusReports statuses, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.channels = channels;
        this.audit = audit;
        this.webhooks = webhooks;
        this.statuses = statuses;
        this.clock = clock;
    }

    // ---- the tester's side (the current tenant) ----

    public List<SimulatedChannelView> channels() {
        return channels.list().stream().filter(Channels.Channel::simulated)
            .map(c -> new SimulatedChannelView(c.id(), c.name(), c.displayPhone(), c.phoneNumberId(), c.active())).toList();
    }

    public List<Phone> phones(UUID channelId) {
        channels.simulated(channelId);
        return store.phones(TenantContext.require(), channelId);
    }

    public Phone addPhone(UUID channelId, String e164, String profileName) {
        channels.simulated(channelId);
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{7,14}")) {
            throw new InvalidInputException("simulator-invalid-phone");
        }
        UUID tenant = TenantContext.require();
        UUID id = Ids.next();
        try {
            return tx.call(tenant, s -> {
                store.insertPhone(tenant, id, channelId, e164.substring(1), profileName.trim());
                Phone created = store.phone(tenant, id);
                audit.record(AuditAction.CREATE, "simulator-phone", id, null, created);
                return created;
            });
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("simulator-phone-exists", e164);
        }
    }

    public List<ThreadMessage> thread(UUID phoneId) {
        UUID tenant = TenantContext.require();
        store.phone(tenant, phoneId);
        return store.thread(tenant, phoneId);
    }

    /** Sends as the phone; answers the message with ACCEPTED (the platform answered 200) or REJECTED. */
    public ThreadMessage send(UUID phoneId, Reply reply) {
        UUID tenant = TenantContext.require();
        Phone phone = store.phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        boolean answers = reply.type() == ReplyType.BUTTON_REPLY || reply.type() == ReplyType.LIST_REPLY;
        ThreadMessage asked = !answers || reply.replyTo() == null ? null
                : store.message(tenant, phoneId, reply.replyTo()).orElse(null);
        PhoneMessages.Content content = PhoneMessages.reply(reply, asked, channel);
        return deliver(channel, phone, content, null);
    }

    /** Sends a photo as the phone: the bytes are kept here and served to the platform through the Graph media endpoints. */
    public ThreadMessage sendImage(UUID phoneId, byte[] bytes, String caption) {
        UUID tenant = TenantContext.require();
        Phone phone = store.phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        String mimeType = PhoneMessages.imageType(bytes);
        if (mimeType == null) {
            throw new InvalidInputException("simulator-invalid-image", MAX_IMAGE_BYTES / (1024 * 1024));
        }
        Media media = new Media(bytes, mimeType, CloudIds.sha256(bytes));
        return deliver(channel, phone, PhoneMessages.image(mimeType, media.sha256(), CloudIds.mediaId(), caption), media);
    }

    /** The tester opened the thread: the platform's messages not yet read are reported read. */
    public int markRead(UUID phoneId) {
        UUID tenant = TenantContext.require();
        Phone phone = store.phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        List<String> unread = store.unread(tenant, phoneId);
        for (String wamid : unread) {
            statuses.report(channel, phone.phone().substring(1), wamid, "READ");
        }
        return unread.size();
    }

    /** The bytes of a photo the phone sent, or of media the platform sent to it (for the tester's page). */
    public Media media(UUID phoneId, UUID messageId) {
        UUID tenant = TenantContext.require();
        store.phone(tenant, phoneId);
        return store.media(tenant, phoneId, messageId).orElseThrow(() -> new NotFoundException("simulator-message"));
    }

    private ThreadMessage deliver(SimulatedChannel channel, Phone phone, PhoneMessages.Content content, Media media) {
        UUID tenant = channel.tenantId();
        Instant now = clock.instant();
        String wamid = CloudIds.wamid();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", phone.phone().substring(1));
        message.put("id", wamid);
        message.put("timestamp", String.valueOf(now.getEpochSecond()));
        message.putAll(content.message());
        UUID id = Ids.next();
        tx.run(tenant, s -> {
            store.insertMessage(tenant, id, phone.id(), "IN", wamid, (String) message.get("type"), content.body(), message,
                    "REJECTED", media, now);
            audit.record(AuditAction.CREATE, "simulator-message", id, null,
                    Map.of("phone", phone.phone(), "type", message.get("type"), "wamid", wamid));
        });
        int status = webhooks.post(channel, CloudWebhooks.message(phone.phone().substring(1), phone.profileName(), message));
        if (status == 200) {
            store.accepted(tenant, id);
        }
        else {
            log.warn("The platform answered {} to the simulator's webhook {}", status, wamid);
        }
        return store.message(tenant, phone.id(), id).orElseThrow();
    }

    // ---- Meta's side (no tenant yet: called by SimulatedGraph) ----

    /** Keeps what the platform sent to a phone (created if the simulator did not know it) and reports sent, delivered. */
    ThreadMessage received(SimulatedChannel channel, String to, JsonNode payload) {
        UUID tenant = channel.tenantId();
        String wamid = CloudIds.wamid();
        UUID id = Ids.next();
        Instant now = clock.instant();
        String type = payload.path("type").asString("text");
        tx.run(tenant, s -> {
            UUID phoneId = store.phoneOf(tenant, channel.id(), to);
            store.insertMessage(tenant, id, phoneId, "OUT", wamid, type, PhoneMessages.outboundText(payload, type), payload,
                    "SENT", null, now);
            store.showUploadedMedia(tenant, id);
        });
        statuses.sentThenDelivered(channel, to, wamid);
        return store.message(tenant, id);
    }

    /**
     * The business read the phone's message (a read receipt to Meta): it and the phone's earlier messages show blue
     * ticks. False when the channel has no such message from a phone.
     */
    boolean readByBusiness(SimulatedChannel channel, String wamid) {
        return store.readByBusiness(channel.tenantId(), channel.id(), wamid);
    }

    /** Keeps media the platform uploads to send by id ({@code POST /{phone-number-id}/media}); answers its id. */
    String uploaded(SimulatedChannel channel, byte[] bytes, String mimeType, String filename) {
        String mediaId = CloudIds.mediaId();
        store.upload(channel.tenantId(), channel.id(), mediaId, bytes, mimeType, filename);
        return mediaId;
    }

    /** The owner and bytes of a media id the simulator serves (a phone's photo or a platform's upload); empty when unknown. */
    Optional<SimulatedMedia> media(String mediaId) {
        return store.mediaOwner(mediaId)
            .flatMap(ids -> channels.simulatedOf(ids[0], ids[1])
                .flatMap(channel -> store.media(ids[0], mediaId).map(media -> new SimulatedMedia(channel, media))));
    }
}
