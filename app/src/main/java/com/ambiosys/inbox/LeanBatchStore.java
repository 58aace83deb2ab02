package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.inbox.DeliveryWriter.Inbound;
import com.ambiosys.inbox.DeliveryWriter.Tally;
import com.ambiosys.inbox.PreparedMessages.Prepared;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The lean batch: known contacts with an open conversation, in a JDBC-only transaction of two statements (the
 * contact rows locked, then every message stored by {@code inbox_store_inbound}). Anything more throws
 * {@link NeedsFullTransaction}.
 */
final class LeanBatchStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PreparedMessages prepared;

    LeanBatchStore(JdbcClient jdbc, Clock clock, PreparedMessages prepared) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.prepared = prepared;
    }

    /**
     * Thrown in a JDBC-only transaction ({@link TenantTransactions#callJdbc}) by work that needs more: a new
     * contact (is it a customer?) or a contact without an open conversation (reopen or start one, assign it) call
     * {@code @Transactional} services. The transaction rolls back and the change is stored again in a full one.
     */
    static final class NeedsFullTransaction extends RuntimeException {
        NeedsFullTransaction() {
            super("needs a full transaction", null, false, false);
        }
    }

    /**
     * The lean batch's first statement: locks the contact rows of all its senders at once, in the senders' order (so
     * batches cannot deadlock, and a full batch, which locks them one by one in the same order, neither), and answers
     * their ids by channel and sender. A sender without a contact needs the full transaction.
     */
    Map<String, UUID> lockContacts(List<Inbound> messages) {
        List<UUID> channels = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Inbound m : messages) {
            if (!m.from().isEmpty() && seen.add(senderKey(m.channel().channelId(), m.from()))) {
                channels.add(m.channel().channelId());
                senders.add(m.from());
            }
        }
        if (senders.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("""
                select k.id, k.channel_id, k.external_id from inbox_contacts k
                 where k.tenant_id = :t
                   and (k.channel_id, k.external_id) in (select * from unnest(cast(:channels as uuid[]), cast(:senders as text[])))
                 order by k.channel_id, k.external_id collate "C"
                   for update of k
                """)
            .param("t", messages.get(0).channel().tenantId()).param("channels", channels.toArray(UUID[]::new))
            .param("senders", senders.toArray(String[]::new))
            .query(rs -> {
                ids.put(senderKey(rs.getObject(2, UUID.class), rs.getString(3)), rs.getObject(1, UUID.class));
            });
        if (ids.size() < seen.size()) {
            throw new NeedsFullTransaction(); // a new contact
        }
        return ids;
    }

    private static String senderKey(UUID channel, String from) {
        return channel + "/" + from;
    }

    /**
     * The lean batch's messages, in one call of {@code inbox_store_inbound} (V32): per message, what
     * {@link FullBatchStore#storeMessage} does in a full batch, without a round trip each. A stored message that
     * finds no open conversation needs the full transaction.
     */
    void storeLean(List<Inbound> messages, Map<String, UUID> contacts) {
        List<Prepared> batch = new ArrayList<>(messages.size());
        for (Inbound m : messages) {
            if (!PreparedMessages.skipped(m)) {
                batch.add(prepared.prepare(m, contacts.get(senderKey(m.channel().channelId(), m.from()))));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        UUID[] contactIds = new UUID[n];
        String[] names = new String[n];
        UUID[] ids = new UUID[n];
        UUID[] channels = new UUID[n];
        String[] external = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        String[] payloads = new String[n];
        String[] contexts = new String[n];
        String[] sent = new String[n];
        String[] received = new String[n];
        Boolean[] media = new Boolean[n];
        String[] rest = new String[n];
        for (int i = 0; i < n; i++) {
            Prepared p = batch.get(i);
            contactIds[i] = p.contact();
            names[i] = p.name();
            ids[i] = Ids.next();
            channels[i] = p.inbound().channel().channelId();
            external[i] = p.externalId();
            types[i] = p.type();
            bodies[i] = p.text();
            payloads[i] = p.payload();
            contexts[i] = p.context();
            sent[i] = p.sentAt().toString();
            received[i] = p.inbound().now().toString();
            media[i] = p.media();
            rest[i] = p.rest();
        }
        UUID tenant = batch.get(0).inbound().channel().tenantId();
        List<Object[]> rows = jdbc.sql("""
                select out_ord, out_stored, out_waits, out_conversation
                  from inbox_store_inbound(:t, cast(:received as timestamptz[]), :eventAt, :notifyChannel, cast(:contacts as uuid[]),
                       cast(:names as text[]), cast(:ids as uuid[]), cast(:channels as uuid[]), cast(:external as text[]),
                       cast(:types as text[]), cast(:bodies as text[]), cast(:payloads as text[]), cast(:contexts as text[]),
                       cast(:sent as timestamptz[]), cast(:media as boolean[]), cast(:rest as text[]))
                """)
            .param("t", tenant).param("received", received).param("eventAt", Timestamp.from(clock.instant()))
            .param("notifyChannel", InboxEvents.CHANNEL).param("contacts", contactIds).param("names", names)
            .param("ids", ids).param("channels", channels).param("external", external).param("types", types)
            .param("bodies", bodies).param("payloads", payloads).param("contexts", contexts).param("sent", sent)
            .param("media", media).param("rest", rest)
            .query((rs, i) -> new Object[] { rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                    rs.getObject(4, UUID.class) })
            .list();
        tally(batch, rows);
    }

    /** Counts the statement's rows in their messages' tallies; a stored message without a conversation needs more. */
    private static void tally(List<Prepared> batch, List<Object[]> rows) {
        for (Object[] row : rows) {
            Prepared p = batch.get((Integer) row[0] - 1);
            Tally tally = p.inbound().tally();
            if (!(Boolean) row[1]) {
                tally.duplicates++;
                continue;
            }
            tally.stored++;
            if (row[3] == null) { // no open conversation: reopen or start one (and assign it), in full
                throw new NeedsFullTransaction();
            }
            if ((Boolean) row[2]) {
                tally.contacts.add(p.contact());
            }
        }
    }
}
