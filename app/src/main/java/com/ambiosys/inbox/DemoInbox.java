package com.ambiosys.inbox;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.identity.DemoTenantCreated;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantContext;

/** The demo tenant's inbox: canned responses in Spanish and the two sales teams (Guatemala and El Salvador). */
@Component
class DemoInbox {

    private final CannedResponses canned;
    private final InboxTeams teams;

    DemoInbox(CannedResponses canned, InboxTeams teams) {
        this.canned = canned;
        this.teams = teams;
    }

    @ApplicationModuleListener
    void seed(DemoTenantCreated demo) {
        TenantContext.runAs(demo.tenantId(), () -> {
            canned("saludo", "Saludo", "¡Hola {{nombre}}! Gracias por escribir a Ambiotec. ¿En qué le podemos ayudar?");
            canned("horario", "Horario de atención", "Atendemos de lunes a viernes de 7:30 a 17:30 y los sábados de 8:00 a "
                    + "12:00. Emergencias de fosas sépticas: 24 horas al +502 5512-3344.");
            // the demo catalog's prices, to which VAT is added (DemoCatalog)
            canned("precios-sanitarios", "Precios de sanitarios portátiles", "{{nombre}}, la renta mensual del sanitario "
                    + "portátil estándar es de Q900.00 + IVA (en El Salvador, US$95.00 + IVA) e incluye una limpieza "
                    + "semanal. El sanitario VIP con lavamanos para eventos cuesta Q450.00 + IVA por día.");
            canned("ubicacion", "Ubicación de oficinas", "Guatemala: 12 calle 1-25, zona 10, Edificio Géminis, Ciudad de "
                    + "Guatemala (PBX +502 2385-4410). El Salvador: Boulevard del Hipódromo 543, colonia San Benito, San "
                    + "Salvador (+503 2250-6677).");
            canned("fosa-septica", "Limpieza de fosa séptica", "Para cotizar la limpieza necesitamos la dirección, el tamaño "
                    + "aproximado de la fosa (en m³) y la fecha de la última limpieza. ¿Nos los comparte, {{nombre}}?");
            canned("cotizacion", "Cotización en camino", "{{nombre}}, con gusto le preparamos la cotización. En menos de 24 "
                    + "horas hábiles se la enviamos por este medio y por correo.");
            canned("gracias", "Agradecimiento", "¡Gracias por su preferencia, {{nombre}}! Quedamos a la orden.");
            canned("despedida", "Despedida", "Fue un gusto atenderle. Si necesita algo más, escríbanos por aquí a cualquier "
                    + "hora. ¡Feliz día!");
            teams.create("Ventas Guatemala", ids(demo, "ventas@ambiotec.example", "atencion@ambiotec.example"));
            teams.create("Ventas El Salvador", ids(demo, "ventas.sv@ambiotec.example"));
        });
    }

    private void canned(String code, String title, String body) {
        canned.create(new CannedResponses.Draft(code, title, body));
    }

    private static List<UUID> ids(DemoTenantCreated demo, String... emails) {
        return Stream.of(emails).map(demo.staff()::get).filter(Objects::nonNull).map(UserId::value).toList();
    }
}
