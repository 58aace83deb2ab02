package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.inbox.PreparedMessages.Prepared;
import com.ambiosys.platform.ids.Ids;

/**
 * The one call of {@code inbox_store_inbound} (R__inbox_store_inbound.sql), for the lean and the full batch
 * alike: per message, its contact touched, the message inserted with its contact's open conversation, that
 * conversation updated, the {@code message.new} event and its NOTIFY. The SQL lives only in the function.
 */
final class StoreInboundCall {

    /** What the function answers for one message (ord counts from 1; not stored: a duplicate). */
    record Stored(int ord, boolean stored, boolean waits, UUID conversation) {
    }

    private StoreInboundCall() {
    }

    /** Stores the messages, all of one tenant, in one statement; answers a row per message, in order. */
    static List<Stored> store(JdbcClient jdbc, Clock clock, List<Prepared> batch) {
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
        return jdbc.sql("""
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
            .query((rs, i) -> new Stored(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3), rs.getObject(4, UUID.class)))
            .list();
    }
}
