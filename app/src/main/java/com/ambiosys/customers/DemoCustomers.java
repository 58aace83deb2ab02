package com.ambiosys.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerViews.Customer;
import com.ambiosys.customers.CustomerViews.NewAddress;
import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.customers.CustomerViews.NewCustomer;
import com.ambiosys.customers.CustomerViews.NewDocument;
import com.ambiosys.identity.DemoTenantCreated;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Customers of the demo tenant: the kind Ambiotec serves in Guatemala and El Salvador, with their
 * service sites, legal entities, documents (one about to expire, one expired) and a few interactions.
 */
@Component
class DemoCustomers {

    private final CustomerManagement customers;
    private final CustomerLog log;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DemoCustomers(CustomerManagement customers, CustomerLog log, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.log = log;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void seed(DemoTenantCreated demo) {
        UUID carlos = uuid(demo.staff().get("ventas@ambiotec.example"));
        UUID ana = uuid(demo.staff().get("ventas.sv@ambiotec.example"));
        TenantContext.runAs(demo.tenantId(), () -> seed(carlos, ana));
        events.publishEvent(new DemoCustomersCreated(demo.tenantId(), demo.staff()));
    }

    private void seed(UUID carlos, UUID ana) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        seedGuatemala(carlos, today);
        seedElSalvador(ana);
    }

    /** Carlos's customers in Guatemala. */
    private void seedGuatemala(UUID carlos, LocalDate today) {
        Customer losAltos = customers.create(company("Constructora Los Altos, S.A.", "GT", "576937-K", carlos,
                List.of("construccion", "permanente"), "Ing. Roberto Monterroso", "+502 5512-3344", "compras@losaltos.com.gt"));
        customers.addAddress(losAltos.id(), address("FISCAL", "GT-01", "GT-0101", "Zona 10", "12 Calle 1-25, Edificio Géminis 10, oficina 804",
                "Torre norte", "14.6010", "-90.5105"));
        customers.addAddress(losAltos.id(), address("SERVICE_SITE", "GT-01", "GT-0108", "Zona 4", "Calzada Roosevelt 22-43",
                "Obra: Residenciales Las Brisas, portón 2", "14.6283", "-90.5560"));
        customers.addContact(losAltos.id(), new NewContact("Lcda. Sandra Chew", ContactRole.BILLING, List.of("+502 2331-7788"),
                List.of("facturacion@losaltos.com.gt")));
        log.addLegalEntity(losAltos.id(), "Constructora Los Altos, Sociedad Anónima", "576937-K", null, true);
        customers.addDocument(losAltos.id(), new NewDocument(DocumentType.RTU, null, today.plusDays(20), null));
        customers.addDocument(losAltos.id(), new NewDocument(DocumentType.CONTRACT, "CT-2026-0142", today.plusMonths(9), null));
        log.log(losAltos.id(), InteractionKind.CALL, clock.instant().minus(Duration.ofDays(3)),
                "Solicita 12 sanitarios portátiles adicionales para la obra de Mixco a partir del lunes.", null, null);
        log.log(losAltos.id(), InteractionKind.VISIT, clock.instant().minus(Duration.ofDays(1)),
                "Visita a la obra: acceso por portón 2, espacio para 4 módulos junto a la bodega.", null, null);

        Customer eventos = customers.create(company("Eventos Quetzal", "GT", null, carlos, List.of("eventos"),
                "Gabriela Xicará", "+502 4421-8890", "gabriela@eventosquetzal.gt"));
        customers.addAddress(eventos.id(), address("SERVICE_SITE", "GT-03", "GT-0301", null, "5a. Avenida Norte 20",
                "Finca La Azotea, área de parqueo", "14.5667", "-90.7333"));
        log.log(eventos.id(), InteractionKind.EMAIL, clock.instant().minus(Duration.ofDays(6)),
                "Cotización de 8 sanitarios VIP para boda del 12 de diciembre.", null, null);

        Customer mixco = customers.create(company("Municipalidad de Mixco", "GT", null, carlos, List.of("gobierno", "ptar"),
                "Lic. Mario Cifuentes", "+502 2432-1100", "servicios@mixco.gob.gt"));
        customers.addAddress(mixco.id(), address("SERVICE_SITE", "GT-01", "GT-0108", "Zona 1", "Planta de tratamiento El Naranjo",
                "Kilómetro 15.5 carretera a San Juan Sacatepéquez", null, null));
        customers.addDocument(mixco.id(), new NewDocument(DocumentType.PERMIT, "MARN-PTAR-2024-118", today.minusDays(15), null));

        Customer jose = customers.create(person("José Pérez", "GT", carlos, List.of("fosa-septica"), "+502 5555-1234",
                "jose.perez@example.com"));
        customers.addAddress(jose.id(), address("SERVICE_SITE", "GT-01", "GT-0115", "Zona 5", "Colonia Ciudad Real II, 4a. Calle 8-15",
                "Casa esquinera color amarillo", "14.5250", "-90.5870"));
        customers.addDocument(jose.id(), new NewDocument(DocumentType.DPI, "2506 48391 0101", today.plusYears(4), null));

        customers.create(company("Ingenio La Unión, S.A.", "GT", "1234567-9", carlos, List.of("industrial", "ptar"),
                "Ing. Luis Fernando Ajú", "+502 7880-4500", "mantenimiento@ingeniolaunion.com.gt"));
        Customer hotel = customers.create(company("Hotel Casa Antigua", "GT", null, carlos, List.of("eventos", "fosa-septica"),
                "Marta Cojtí", "+502 7832-0011", "gerencia@casaantigua.gt"));
        customers.addAddress(hotel.id(), address("SERVICE_SITE", "GT-03", "GT-0301", null, "3a. Calle Poniente 28",
                "Entrada de servicio por el callejón", null, null));
    }

    /** Ana's customers in El Salvador. */
    private void seedElSalvador(UUID ana) {
        Customer agro = customers.create(company("Agroindustrias San Miguel, S.A. de C.V.", "SV", "0614-050707-104-8", ana,
                List.of("ptar", "industrial"), "Ing. Claudia Rivas", "+503 7012-3456", "crivas@agrosanmiguel.com.sv"));
        customers.addAddress(agro.id(), district("SERVICE_SITE", "SV-02", "SV-0202", "SV-020201",
                "Carretera a Metapán km 68", "Planta procesadora, portón 3", "13.9942", "-89.5597"));
        log.addLegalEntity(agro.id(), "Agroindustrias San Miguel, Sociedad Anónima de Capital Variable",
                "0614-050707-104-8", "123456-7", true);
        customers.addDocument(agro.id(), new NewDocument(DocumentType.NRC, "123456-7", null, null));
        log.log(agro.id(), InteractionKind.VISIT, clock.instant().minus(Duration.ofDays(10)),
                "Levantamiento para ampliar la PTAR a 120 m³/día; pendiente análisis de laboratorio.", null, null);

        Customer maria = customers.create(person("María Elena Flores", "SV", ana, List.of("sanitarios"), "+503 7788-9900",
                "mflores@example.com"));
        customers.addAddress(maria.id(), district("SERVICE_SITE", "SV-05", "SV-0506", "SV-050602",
                "Residencial Las Colinas, Pasaje 4, casa 17", "Frente a la cancha", null, null));

        Customer ceiba = customers.create(company("Pupusería La Ceiba", "SV", null, ana, List.of("fosa-septica"),
                "Don Ernesto Martínez", "+503 2288-4411", null));
        customers.changeStatus(ceiba.id(), CustomerStatus.BLOCKED, "Saldo pendiente de 90 días");
    }

    private static NewCustomer company(String name, String country, String taxId, UUID owner, List<String> tags,
            String contact, String phone, String email) {
        return new NewCustomer(CustomerKind.COMPANY, name, taxId, Country.valueOf(country), owner, tags, null,
                new NewContact(contact, ContactRole.PRIMARY, List.of(phone), email == null ? List.of() : List.of(email)), true);
    }

    private static NewCustomer person(String name, String country, UUID owner, List<String> tags, String phone,
            String email) {
        return new NewCustomer(CustomerKind.PERSON, name, null, Country.valueOf(country), owner, tags, null,
                new NewContact(name, ContactRole.PRIMARY, List.of(phone), List.of(email)), true);
    }

    private static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    private static NewAddress address(String kind, String department, String municipality, String zone, String street,
            String reference, String latitude, String longitude) {
        return new NewAddress(AddressKind.valueOf(kind), department, municipality, null, zone, street, reference,
                latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude));
    }

    private static NewAddress district(String kind, String department, String municipality, String district, String street,
            String reference, String latitude, String longitude) {
        return new NewAddress(AddressKind.valueOf(kind), department, municipality, district, null, street, reference,
                latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude));
    }
}
