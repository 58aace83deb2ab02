package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.customers.CustomerId;

import tools.jackson.databind.json.JsonMapper;

/** Id records cross modules in events kept in the publication log: their JSON must stay the plain UUID text. */
class UserIdJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEventWithUserIdsIsWrittenWithPlainUuidText() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String text = json.writeValueAsString(new DemoTenantCreated(tenant, Map.of("ventas@demo.example", new UserId(user))));
        assertThat(json.readTree(text).path("staff").path("ventas@demo.example").asString()).isEqualTo(user.toString());
    }

    @Test
    void anEventStoredBeforeIdRecordsExistedStillReads() {
        UUID user = UUID.randomUUID();
        String stored = "{\"tenantId\":\"" + UUID.randomUUID() + "\",\"staff\":{\"gerente@demo.example\":\"" + user + "\"}}";
        DemoTenantCreated event = json.readValue(stored, DemoTenantCreated.class);
        assertThat(event.staff()).containsEntry("gerente@demo.example", new UserId(user));
    }

    @Test
    void aCustomerIdReadsAndWritesAsItsUuid() {
        UUID customer = UUID.randomUUID();
        assertThat(json.writeValueAsString(new CustomerId(customer))).isEqualTo("\"" + customer + "\"");
        assertThat(json.readValue("\"" + customer + "\"", CustomerId.class)).isEqualTo(new CustomerId(customer));
    }
}
