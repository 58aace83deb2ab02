package com.ambiosys.inbox;

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
     * The lean batch's messages, in one call of {@code inbox_store_inbound} ({@link StoreInboundCall}): per message, what
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
        List<StoreInboundCall.Stored> rows = StoreInboundCall.store(jdbc, clock, batch);
        tally(batch, rows);
    }

    /** Counts the statement's rows in their messages' tallies; a stored message without a conversation needs more. */
    private static void tally(List<Prepared> batch, List<StoreInboundCall.Stored> rows) {
        for (StoreInboundCall.Stored row : rows) {
            Prepared p = batch.get(row.ord() - 1);
            Tally tally = p.inbound().tally();
            if (!row.stored()) {
                tally.duplicates++;
                continue;
            }
            tally.stored++;
            if (row.conversation() == null) { // no open conversation: reopen or start one (and assign it), in full
                throw new NeedsFullTransaction();
            }
            if (row.waits()) {
                tally.contacts.add(p.contact());
            }
        }
    }
}
