package com.ambiosys.customers;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.customers.CustomerViews.NewCustomer;
import com.ambiosys.identity.DemoTenantCreated;
import com.ambiosys.platform.tenancy.TenantContext;

/** Customers of the demo tenant: the kind Ambiotec serves in Guatemala and El Salvador. */
@Component
class DemoCustomers {

    private final CustomerManagement customers;

    DemoCustomers(CustomerManagement customers) {
        this.customers = customers;
    }

    @EventListener
    void seed(DemoTenantCreated demo) {
        UUID carlos = demo.staff().get("ventas@ambiotec.example");
        UUID ana = demo.staff().get("ventas.sv@ambiotec.example");
        TenantContext.runAs(demo.tenantId(), () -> List.of(
                company("Constructora Los Altos, S.A.", "GT", "576937-K", carlos, List.of("construccion", "permanente"),
                        "Ing. Roberto Monterroso", "+502 5512-3344", "compras@losaltos.com.gt"),
                company("Eventos Quetzal", "GT", null, carlos, List.of("eventos"), "Gabriela Xicará",
                        "+502 4421-8890", "gabriela@eventosquetzal.gt"),
                company("Municipalidad de Mixco", "GT", null, carlos, List.of("gobierno", "ptar"), "Lic. Mario Cifuentes",
                        "+502 2432-1100", "servicios@mixco.gob.gt"),
                person("José Pérez", "GT", carlos, List.of("fosa-septica"), "+502 5555-1234", "jose.perez@example.com"),
                company("Agroindustrias San Miguel, S.A. de C.V.", "SV", "0614-050707-104-8", ana,
                        List.of("ptar", "industrial"), "Ing. Claudia Rivas", "+503 7012-3456", "crivas@agrosanmiguel.com.sv"),
                person("María Elena Flores", "SV", ana, List.of("sanitarios"), "+503 7788-9900", "mflores@example.com"))
            .forEach(customers::create));
    }

    private static NewCustomer company(String name, String country, String taxId, UUID owner, List<String> tags,
            String contact, String phone, String email) {
        return new NewCustomer("COMPANY", name, taxId, country, owner, tags, null,
                new NewContact(contact, "PRIMARY", List.of(phone), List.of(email)), true);
    }

    private static NewCustomer person(String name, String country, UUID owner, List<String> tags, String phone,
            String email) {
        return new NewCustomer("PERSON", name, null, country, owner, tags, null,
                new NewContact(name, "PRIMARY", List.of(phone), List.of(email)), true);
    }
}
