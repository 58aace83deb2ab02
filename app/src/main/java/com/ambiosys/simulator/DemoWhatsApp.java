package com.ambiosys.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.identity.DemoTenantCreated;
import com.ambiosys.inbox.Channels;
import com.ambiosys.inbox.Channels.SimulatedChannel;
import com.ambiosys.inbox.InboundMessages;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The demo tenant's simulated WhatsApp channel ("WhatsApp Ambiotec (simulador)", +502 2200 0000, secrets
 * generated here) and three customers who already wrote to it: their messages reach the inbox through its
 * published API ({@link InboundMessages}, as Cloud API messages) and go into the simulator's threads, so the
 * inbox and the simulator page show them as if they had come from Meta.
 */
@Component
@SimulatorEnabled
class DemoWhatsApp {

    private static final Logger log = LoggerFactory.getLogger(DemoWhatsApp.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Said(Duration ago, Map<String, Object> content, String body) {
    }

    private final Channels channels;
    private final InboundMessages inbox;
    private final SimulatorStore store;
    private final TenantTransactions tx;
    private final Clock clock;

    DemoWhatsApp(Channels channels, InboundMessages inbox, SimulatorStore store, TenantTransactions tx, Clock clock) {
        this.channels = channels;
        this.inbox = inbox;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void seed(DemoTenantCreated demo) {
        TenantContext.runAs(demo.tenantId(), this::seed);
    }

    private void seed() {
        Channels.Channel created = channels.createWhatsApp(new Channels.WhatsAppSettings("WhatsApp Ambiotec (simulador)",
                digits(15), digits(15), "+502 2200 0000", "EAAG" + secret(40), secret(32), "verificar-" + secret(12), true, null,
                true));
        SimulatedChannel channel = channels.simulated(created.id());
        conversation(channel, "50255127788", "Andrea Lucía Sandoval", List.of(
                text(Duration.ofMinutes(95), "Buenas tardes, ¿tienen sanitarios portátiles para un evento en Antigua Guatemala?"),
                text(Duration.ofMinutes(93), "Es una boda el sábado 12 de diciembre, unas 150 personas, en una finca cerca de San Juan del Obispo."),
                text(Duration.ofMinutes(92), "¿Cuántos sanitarios me recomiendan y cuánto saldría con lavamanos?")));
        conversation(channel, "50378451203", "José Roberto Menjívar", List.of(
                text(Duration.ofMinutes(40), "Hola, buen día. Necesito que me limpien la fosa séptica de la casa en Santa Tecla."),
                text(Duration.ofMinutes(39), "Ya está rebalsando por el patio 😟 ¿pueden venir esta semana?"),
                location(Duration.ofMinutes(38), 13.6769, -89.2797, "Residencial Las Palmeras", "Calle El Boquerón, Santa Tecla, La Libertad")));
        conversation(channel, "50241889020", "Marta Elena Chinchilla", List.of(
                text(Duration.ofMinutes(12), "Buenas, ¿me pueden mandar la cotización de la operación mensual de la planta de tratamiento de la colonia? Somos unas 80 casas en Mixco.")));
        log.info("Demo tenant: simulated WhatsApp channel {} with 3 conversations", channel.phoneNumberId());
    }

    private void conversation(SimulatedChannel channel, String waId, String name, List<Said> messages) {
        UUID phone = Ids.next();
        tx.run(channel.tenantId(), s -> store.insertPhone(channel.tenantId(), phone, channel.id(), waId, name));
        for (Said said : messages) {
            Instant at = clock.instant().minus(said.ago());
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("from", waId);
            message.put("id", CloudIds.wamid());
            message.put("timestamp", String.valueOf(at.getEpochSecond()));
            message.putAll(said.content());
            boolean taken = inbox.receive(channel.id(), new InboundMessages.Inbound(waId, name, message));
            String status = taken ? "ACCEPTED" : "REJECTED";
            tx.run(channel.tenantId(), s -> store.insertMessage(channel.tenantId(), Ids.next(), phone, "IN",
                    (String) message.get("id"), (String) message.get("type"), said.body(), message, status, null, at));
        }
    }

    private static Said text(Duration ago, String body) {
        return new Said(ago, Map.of("type", "text", "text", Map.of("body", body)), body);
    }

    private static Said location(Duration ago, double latitude, double longitude, String name, String address) {
        return new Said(ago, Map.of("type", "location", "location", Map.of("latitude", latitude, "longitude", longitude,
                "name", name, "address", address)), name + " " + address);
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder().append(1 + RANDOM.nextInt(9));
        while (b.length() < n) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes / 2];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
