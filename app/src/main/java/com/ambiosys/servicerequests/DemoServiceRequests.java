package com.ambiosys.servicerequests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.catalog.Currency;
import com.ambiosys.customers.AddressKind;
import com.ambiosys.customers.CustomerManagement;
import com.ambiosys.customers.DemoCustomersCreated;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.servicerequests.ServiceRequestSetup.ServiceType;
import com.ambiosys.servicerequests.ServiceRequestViews.NewItem;
import com.ambiosys.servicerequests.ServiceRequestViews.NewRequest;
import com.ambiosys.servicerequests.domain.RequestStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * The demo tenant's service types, SLA policies and requests at every stage: new ones, one waiting on
 * the customer, one at risk, one breached, completed and lost ones.
 */
@Component
class DemoServiceRequests {

    private final ServiceRequestSetup setup;
    private final ServiceRequests requests;
    private final CustomerManagement customers;
    private final JsonMapper json;
    private final Clock clock;

    DemoServiceRequests(ServiceRequestSetup setup, ServiceRequests requests, CustomerManagement customers, JsonMapper json,
            Clock clock) {
        this.setup = setup;
        this.requests = requests;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    /** After the demo customers: the requests are theirs. */
    @ApplicationModuleListener
    void seed(DemoCustomersCreated demo) {
        TenantContext.runAs(demo.tenantId(), () -> seed(demo.staff()));
    }

    private void seed(Map<String, UserId> staff) {
        List<ServiceType> types = setup.seedEnvironmentalTypes();
        ServiceType toilets = types.get(0);
        ServiceType septic = types.get(1);
        ServiceType plant = types.get(2);
        UUID carlos = staff.get("ventas@ambiotec.example").value();
        UUID ana = staff.get("ventas.sv@ambiotec.example").value();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        CustomerViews.Customer losAltos = customer("Constructora Los Altos");
        CustomerViews.Customer eventos = customer("Eventos Quetzal");
        CustomerViews.Customer jose = customer("José Pérez");
        CustomerViews.Customer mixco = customer("Municipalidad de Mixco");
        CustomerViews.Customer agro = customer("Agroindustrias San Miguel");
        CustomerViews.Customer hotel = customer("Hotel Casa Antigua");

        Seed seed = new Seed(toilets, septic, plant, carlos, ana, today, clock.instant());
        seedOpen(seed, losAltos, eventos, jose);
        seedOlder(seed, losAltos, eventos, mixco, agro, hotel);
    }

    /** What every demo request needs: the service types, the two salespeople, and the day and instant of the seed. */
    private record Seed(ServiceType toilets, ServiceType septic, ServiceType plant, UUID carlos, UUID ana,
            LocalDate today, Instant now) {
    }

    /** Requests of the last days: a quote for a building site, a wedding, an urgent septic tank. */
    private void seedOpen(Seed seed, CustomerViews.Customer losAltos, CustomerViews.Customer eventos,
            CustomerViews.Customer jose) {
        ServiceType toilets = seed.toilets();
        ServiceType septic = seed.septic();
        UUID carlos = seed.carlos();
        LocalDate today = seed.today();
        Instant now = seed.now();
        var obra = requests.create(new NewRequest(losAltos.id(), losAltos.contacts().get(0).id(), site(losAltos),
                toilets.id(), carlos, Priority.HIGH, RequestChannel.WHATSAPP, today.plusDays(2),
                "12 sanitarios portátiles adicionales para la obra Residenciales Las Brisas.",
                json.valueToTree(Map.of("units", 12, "model", "STANDARD", "usage", "PERMANENT", "rentalStart",
                        today.plusDays(2).toString(), "cleaningsPerWeek", 2)),
                List.of(item("Sanitario portátil estándar – renta mensual", "12", "MONTH", "850.00"),
                        item("Servicio de limpieza adicional", "8", "SERVICE", "125.00")),
                List.of()), now.minus(Duration.ofDays(2)));
        requests.transition(obra.id(), RequestStatus.IN_REVIEW, "Se confirma la cantidad con el ingeniero residente.",
                now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(40)));
        requests.transition(obra.id(), RequestStatus.QUOTED, "Cotización enviada por WhatsApp.", now.minus(Duration.ofDays(1)));

        var boda = requests.create(new NewRequest(eventos.id(), eventos.contacts().get(0).id(), site(eventos), toilets.id(),
                carlos, Priority.NORMAL, RequestChannel.EMAIL, today.plusDays(20), "Boda en Finca La Azotea, 250 invitados.",
                json.valueToTree(Map.of("units", 8, "model", "VIP", "usage", "EVENT", "rentalStart",
                        today.plusDays(20).toString(), "rentalEnd", today.plusDays(21).toString(), "cleaningsPerWeek", 0)),
                List.of(item("Sanitario VIP con lavamanos – evento (día)", "8", "DAY", "450.00")), List.of()),
                now.minus(Duration.ofDays(4)));
        requests.transition(boda.id(), RequestStatus.WAITING_ON_CUSTOMER, "Esperando confirmación del número de invitados.",
                now.minus(Duration.ofDays(4)).plus(Duration.ofHours(1)));

        var fosa = requests.create(new NewRequest(jose.id(), jose.contacts().get(0).id(), site(jose), septic.id(), carlos,
                Priority.URGENT, RequestChannel.PHONE, today, "La fosa rebalsa; el cliente pide atención hoy.",
                json.valueToTree(Map.of("waterType", "BLACK", "volumeM3", 4.5, "accessConditions",
                        "Callejón de 2.5 m de ancho, camión pequeño", "hoseDistanceM", 25)),
                List.of(item("Succión de fosa séptica hasta 5 m³", "1", "SERVICE", "1450.00")), List.of()),
                now.minus(Duration.ofMinutes(50)));
        requests.refreshSla(fosa.id()); // urgent septic: 30 min to respond, so its response is breached
    }

    /** Older requests: plants in Guatemala and El Salvador, a completed cleaning, a lost sale and an unassigned query. */
    private void seedOlder(Seed seed, CustomerViews.Customer losAltos, CustomerViews.Customer eventos,
            CustomerViews.Customer mixco, CustomerViews.Customer agro, CustomerViews.Customer hotel) {
        ServiceType toilets = seed.toilets();
        ServiceType septic = seed.septic();
        ServiceType plant = seed.plant();
        UUID carlos = seed.carlos();
        UUID ana = seed.ana();
        LocalDate today = seed.today();
        Instant now = seed.now();
        var ptarMixco = requests.create(new NewRequest(mixco.id(), mixco.contacts().get(0).id(), site(mixco), plant.id(),
                carlos, Priority.NORMAL, RequestChannel.EMAIL, today.plusDays(10),
                "Operación y mantenimiento mensual de la PTAR El Naranjo.",
                json.valueToTree(Map.of("flowM3PerDay", 45, "service", "OPERATION", "siteSurveyNeeded", false,
                        "designParameters", Map.of("bodMgL", 320, "codMgL", 610, "ph", 7.2))),
                List.of(item("Operación mensual PTAR hasta 50 m³/día", "1", "MONTH", "9800.00")), List.of()),
                now.minus(Duration.ofDays(20)));
        requests.transition(ptarMixco.id(), RequestStatus.IN_REVIEW, null, now.minus(Duration.ofDays(20)).plus(Duration.ofHours(2)));
        requests.refreshSla(ptarMixco.id()); // 120 business hours have passed: breached

        var agroPtar = requests.create(new NewRequest(agro.id(), agro.contacts().get(0).id(), site(agro), plant.id(), ana,
                Priority.HIGH, RequestChannel.WEB, today.plusDays(30), "Ampliación de la PTAR a 120 m³/día; requiere levantamiento.",
                json.valueToTree(Map.of("flowM3PerDay", 120, "service", "DESIGN", "siteSurveyNeeded", true)),
                List.of(new NewItem(null, "Levantamiento técnico y diseño", BigDecimal.ONE, "SERVICE",
                        new BigDecimal("3500.00"), Currency.USD, new BigDecimal("13"))),
                List.of()), now.minus(Duration.ofDays(1)));
        requests.transition(agroPtar.id(), RequestStatus.IN_REVIEW, null, now.minus(Duration.ofHours(20)));

        var hotelFosa = requests.create(new NewRequest(hotel.id(), hotel.contacts().get(0).id(), site(hotel), septic.id(),
                carlos, Priority.NORMAL, RequestChannel.WHATSAPP, today.minusDays(5), "Limpieza programada de fosa séptica del hotel.",
                json.valueToTree(Map.of("waterType", "GREY", "volumeM3", 8, "accessConditions", "Entrada de servicio",
                        "hoseDistanceM", 40)),
                List.of(item("Succión de fosa séptica hasta 5 m³", "2", "SERVICE", "1450.00")), List.of()),
                now.minus(Duration.ofDays(8)));
        int hours = 1;
        for (RequestStatus step : List.of(RequestStatus.IN_REVIEW, RequestStatus.QUOTED, RequestStatus.ACCEPTED,
                RequestStatus.SCHEDULED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED)) {
            requests.transition(hotelFosa.id(), step, null, now.minus(Duration.ofDays(8)).plus(Duration.ofHours(hours)));
            hours += 20;
        }

        var perdida = requests.create(new NewRequest(eventos.id(), null, null, toilets.id(), carlos, Priority.LOW,
                RequestChannel.PHONE, today.plusDays(40), "Feria patronal: 20 sanitarios.",
                json.valueToTree(Map.of("units", 20, "model", "STANDARD", "usage", "EVENT", "rentalStart",
                        today.plusDays(40).toString(), "rentalEnd", today.plusDays(43).toString(), "cleaningsPerWeek", 3)),
                List.of(), List.of()), now.minus(Duration.ofDays(6)));
        requests.transition(perdida.id(), RequestStatus.LOST, "El cliente contrató a otro proveedor por precio.",
                now.minus(Duration.ofDays(3)));

        requests.create(new NewRequest(losAltos.id(), null, null, septic.id(), null, Priority.NORMAL,
                RequestChannel.WHATSAPP, null, "Consulta por limpieza de fosa en bodega de materiales.",
                json.valueToTree(Map.of("waterType", "MIXED", "volumeM3", 3, "accessConditions", "Sin restricciones",
                        "hoseDistanceM", 10)),
                List.of(), List.of()));
    }

    private CustomerViews.Customer customer(String name) {
        UUID id = customers.search(new CustomerViews.CustomerFilter(name, null, null, null, null), new PageQuery(0, 1))
            .items().get(0).id();
        return customers.get(id);
    }

    private static UUID site(CustomerViews.Customer customer) {
        return customer.addresses().stream().filter(a -> a.kind() == AddressKind.SERVICE_SITE).map(CustomerViews.Address::id)
            .findFirst().orElse(null);
    }

    private static NewItem item(String description, String quantity, String unit, String price) {
        return new NewItem(null, description, new BigDecimal(quantity), unit, new BigDecimal(price), Currency.GTQ,
                new BigDecimal("12"));
    }
}
