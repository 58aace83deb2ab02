package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

/**
 * Every SECURITY DEFINER function runs as the owner, past row-level security, so each is called here with two
 * tenants holding look-alike data: in tenant A's transaction it answers A's rows only, and a function that looks
 * across tenants by design (a webhook, the simulator) answers the one tenant its key belongs to.
 * TenantIsolationTest checks that this list and the catalog's definer functions are the same.
 */
@SystemTest
class SecurityDefinerFunctionsTest {

    static final Set<String> EXERCISED = Set.of("identity_login_candidates", "customers_search", "customers_matching",
            "customers_named", "service_requests_matching", "service_requests_search",
            "service_requests_search_page", "inbox_whatsapp_channel", "inbox_whatsapp_channels_by_verify_token",
            "inbox_simulated_channel", "inbox_simulated_channels_of_waba", "simulator_media_owner",
            "simulator_unreported");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestTenants tenants;

    /** One tenant's look-alike data: a customer named with the shared word, a request describing it, a channel. */
    record Seeded(TestTenant tenant, UUID namedCustomer, UUID request, UUID channel, String phone, String waba,
            String verifyHash, String wamid) {
    }

    String word;
    Instant sentAt;
    Seeded a;
    Seeded b;

    @BeforeEach
    void twoTenantsWithTheSameWord() {
        word = "zq" + letters(10);
        // two days back: out of the simulator sweep's window (the last day), which would report them
        sentAt = Instant.now().minus(2, ChronoUnit.DAYS).minusSeconds(ThreadLocalRandom.current().nextInt(3600))
            .truncatedTo(ChronoUnit.MILLIS);
        a = seed(tenants.create());
        b = seed(tenants.create());
    }

    @Test
    void loginCandidatesOfAnEmailAreOnlyItsOwnTenantsUser() {
        List<Tuple> found = as(b, () -> jdbc.sql("select tenant_id, user_id from identity_login_candidates(:e)")
            .param("e", a.tenant().adminEmail()).query((rs, n) -> tuple(rs.getObject(1), rs.getObject(2))).list());
        assertThat(found).containsExactly(tuple(a.tenant().id(), a.tenant().adminId()));
    }

    @Test
    void customersSearchAnswersTheCurrentTenantsCustomersOnly() {
        assertThat(ids(a, "select id from customers_search(:w, null, null, null)")).containsExactly(a.namedCustomer());
        assertThat(ids(b, "select id from customers_search(:w, null, null, null)")).containsExactly(b.namedCustomer());
    }

    @Test
    void customersMatchingAnswersTheCurrentTenantsCustomersOnly() {
        assertThat(ids(a, "select customers_matching(:w, null)")).containsExactly(a.namedCustomer());
    }

    @Test
    void customersNamedAnswersTheCurrentTenantsCustomersOnly() {
        assertThat(ids(a, "select customers_named(:w)")).containsExactly(a.namedCustomer());
    }

    @Test
    void serviceRequestsMatchingAnswersTheCurrentTenantsRequestsOnly() {
        assertThat(ids(a, "select service_requests_matching(:w)")).containsExactly(a.request());
        assertThat(ids(a, "select service_requests_matching(:n)")).containsExactly(a.request());
    }

    @Test
    void serviceRequestsSearchAnswersTheCurrentTenantsCustomersAndRequestsOnly() {
        List<List<UUID>> found = as(a, () -> jdbc.sql("""
                select customers, requests from service_requests_search(:w, array(select customers_named(:w)), 100)""")
            .param("w", word)
            .query((rs, n) -> List.of(uuids(rs.getArray(1)), uuids(rs.getArray(2)))).single());
        assertThat(found.get(0)).containsExactly(a.namedCustomer());
        assertThat(found.get(1)).containsExactly(a.request());
    }

    @Test
    void serviceRequestsSearchPageAnswersTheCurrentTenantsRequestsOnly() {
        assertThat(ids(a, "select service_requests_search_page(:w, array(select customers_named(:w)), null, 20, 0)"))
            .containsExactly(a.request());
        assertThat(ids(b, "select service_requests_search_page(:n, array(select customers_named(:n)), null, 20, 0)"))
            .containsExactly(b.request());
    }

    @Test
    void whatsAppChannelOfAPhoneNumberIsOnlyThatChannel() {
        List<Tuple> found = as(b, () -> jdbc.sql("select tenant_id, channel_id from inbox_whatsapp_channel(:p)")
            .param("p", a.phone()).query((rs, n) -> tuple(rs.getObject(1), rs.getObject(2))).list());
        assertThat(found).containsExactly(tuple(a.tenant().id(), a.channel()));
    }

    @Test
    void whatsAppChannelsOfAVerifyTokenAreOnlyThatTokensChannel() {
        assertThat(owners(b, "select tenant_id, channel_id from inbox_whatsapp_channels_by_verify_token(:k)", a.verifyHash()))
            .containsExactly(tuple(a.tenant().id(), a.channel()));
    }

    @Test
    void simulatedChannelOfAPhoneNumberIsOnlyThatChannel() {
        assertThat(owners(b, "select tenant_id, channel_id from inbox_simulated_channel(:k)", a.phone()))
            .containsExactly(tuple(a.tenant().id(), a.channel()));
    }

    @Test
    void simulatedChannelsOfABusinessAccountAreOnlyThatAccountsChannels() {
        assertThat(owners(b, "select tenant_id, channel_id from inbox_simulated_channels_of_waba(:k)", a.waba()))
            .containsExactly(tuple(a.tenant().id(), a.channel()));
    }

    @Test
    void simulatorMediaOwnerIsTheTenantAndChannelOfThatMediaOnly() {
        assertThat(owners(b, "select tenant_id, channel_id from simulator_media_owner(:k)", "sent-" + a.wamid()))
            .containsExactly(tuple(a.tenant().id(), a.channel()));
        assertThat(owners(a, "select tenant_id, channel_id from simulator_media_owner(:k)", "upload-" + b.wamid()))
            .containsExactly(tuple(b.tenant().id(), b.channel()));
    }

    @Test
    void simulatorUnreportedNamesEachMessagesOwnTenantAndChannel() {
        List<Tuple> found = as(a, () -> jdbc.sql("""
                select tenant_id, channel_id, wamid from simulator_unreported(:after, :before, 100000)
                 where wamid in (:wa, :wb)
                """).param("after", Timestamp.from(sentAt.minusSeconds(1))).param("before", Timestamp.from(sentAt.plusSeconds(1)))
            .param("wa", a.wamid()).param("wb", b.wamid())
            .query((rs, n) -> tuple(rs.getObject(1), rs.getObject(2), rs.getString(3))).list());
        assertThat(found).containsExactlyInAnyOrder(tuple(a.tenant().id(), a.channel(), a.wamid()),
                tuple(b.tenant().id(), b.channel(), b.wamid()));
    }

    /** Not a definer (V39 rewrote it): it runs as its caller, so naming another tenant is refused by row-level security. */
    @Test
    void inboxStoreInboundCalledInOneTenantCannotWriteIntoAnother() {
        String wamid = "wamid.ACROSS-" + word;
        assertThatThrownBy(() -> as(a, () -> jdbc.sql("""
                select out_stored from inbox_store_inbound(:t, array[now()], now(), 'inbox_events', array[:contact]::uuid[],
                    array[null]::text[], array[:id]::uuid[], array[:channel]::uuid[], array[:wamid], array['text'],
                    array['hola'], array['{}'], array[null]::text[], array[now()], array[false], array['"x":1}'])
                """).param("t", b.tenant().id()).param("contact", UUID.randomUUID()).param("id", UUID.randomUUID())
            .param("channel", b.channel()).param("wamid", wamid).query(Boolean.class).list()))
            .rootCause().hasMessageContaining("row-level security");
        long stored = as(b, () -> jdbc.sql("select count(*) from inbox_messages where external_id = :w").param("w", wamid)
            .query(Long.class).single());
        assertThat(stored).isZero();
    }

    private List<UUID> ids(Seeded in, String sql) {
        return as(in, () -> jdbc.sql(sql).paramSource(new Params(word, word.toUpperCase()))
            .query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    /** Named parameters :w (the shared word) and :n (the requests' number), whichever the statement uses. */
    record Params(String w, String n) {
    }

    private List<Tuple> owners(Seeded in, String sql, String key) {
        return as(in, () -> jdbc.sql(sql).param("k", key).query((rs, n) -> tuple(rs.getObject(1), rs.getObject(2))).list());
    }

    private <T> T as(Seeded in, java.util.concurrent.Callable<T> work) {
        return TenantContext.callAs(in.tenant().id(), () -> tx.execute(s -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static List<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private Seeded seed(TestTenant t) {
        UUID named = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID type = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        UUID phoneId = UUID.randomUUID();
        String key = letters(12);
        Function<String, JdbcClient.StatementSpec> sql = s -> jdbc.sql(s).param("t", t.id()).param("now", Timestamp.from(Instant.now()));
        TenantContext.runAs(t.id(), () -> tx.executeWithoutResult(s -> {
            sql.apply("""
                    insert into customers (tenant_id, id, kind, commercial_name, country, status, created_at, updated_at)
                    values (:t, :named, 'COMPANY', :name, 'GT', 'ACTIVE', :now, :now),
                           (:t, :other, 'COMPANY', 'Otra empresa', 'GT', 'ACTIVE', :now, :now)
                    """).param("named", named).param("other", other).param("name", "Empresa " + word).update();
            sql.apply("""
                    insert into service_types (tenant_id, id, code, name, data_schema, created_at, updated_at)
                    values (:t, :id, 'PRUEBA_DEFINER', 'Prueba', 'FREE_FORM', :now, :now)
                    """).param("id", type).update();
            sql.apply("""
                    insert into service_requests (tenant_id, id, number, customer_id, service_type_id, priority, channel,
                        description, status, created_at, updated_at)
                    values (:t, :id, :number, :customer, :type, 'NORMAL', 'WEB', :description, 'NEW', :now, :now)
                    """).param("id", request).param("number", word.toUpperCase()).param("customer", other)
                .param("type", type).param("description", "Limpieza de " + word + " en planta").update();
            sql.apply("""
                    insert into inbox_channels (tenant_id, id, kind, name, phone_number_id, waba_id, app_secret,
                        verify_token_hash, simulated, created_at, updated_at)
                    values (:t, :id, 'WHATSAPP', 'Canal', :phone, :waba, 'secreto', :hash, true, :now, :now)
                    """).param("id", channel).param("phone", "ph-" + key).param("waba", "waba-" + key)
                .param("hash", "hash-" + key).update();
            sql.apply("""
                    insert into simulator_phones (tenant_id, id, channel_id, wa_id, profile_name, created_at)
                    values (:t, :id, :channel, '50255551234', 'Cliente', :now)
                    """).param("id", phoneId).param("channel", channel).update();
            sql.apply("""
                    insert into simulator_messages (tenant_id, id, phone_id, direction, wamid, type, payload, status,
                        media_id, created_at)
                    values (:t, :id, :phone, 'OUT', :wamid, 'image', '{}'::jsonb, 'SENT', :media, :sent)
                    """).param("id", UUID.randomUUID()).param("phone", phoneId).param("wamid", "wamid-" + key)
                .param("media", "sent-wamid-" + key).param("sent", Timestamp.from(sentAt)).update();
            sql.apply("""
                    insert into simulator_uploads (tenant_id, media_id, channel_id, media_type, sha256, bytes, created_at)
                    values (:t, :media, :channel, 'image/png', 'x', '\\x00'::bytea, :now)
                    """).param("media", "upload-wamid-" + key).param("channel", channel).update();
        }));
        return new Seeded(t, named, request, channel, "ph-" + key, "waba-" + key, "hash-" + key, "wamid-" + key);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
