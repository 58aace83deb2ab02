package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * An invitation that could not be mailed (here no SMTP server listens) is said to be so, with the set-password
 * link for the administrator to hand over, and can be sent again; the list shows who has not chosen a password.
 */
class InvitationSystemTest extends TenantApiTest {

    @Test
    void anInvitationThatCouldNotBeMailedSaysSoAndHandsTheLinkToTheAdministrator() {
        Response created = api.post("/api/v1/users", Map.of("email", tenant.email("invitada"), "fullName", "Invitada",
                "language", "es", "timeZone", "America/Guatemala")).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("invitationSent").asBoolean()).isFalse();
        assertThat(created.json().path("invitation").asString()).isEqualTo("NOT_SENT");
        String link = created.json().path("invitationLink").asString();
        assertThat(link).contains("/reset-password?token=");
        String id = created.json().path("id").asString();

        JsonNode list = api.get("/api/v1/users?q=invitada").token(admin).send().json();
        assertThat(list.path("items").get(0).path("invitation").isNull()).as("pending: " + list).isFalse();
        assertThat(list.path("items").get(0).has("invitationLink")).as("no link in lists").isFalse();
        JsonNode adminRow = api.get("/api/v1/users?q=" + tenant.adminEmail()).token(admin).send().json();
        assertThat(adminRow.path("items").get(0).path("invitation").isNull()).isTrue();

        Response again = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("invitationSent").asBoolean()).isFalse();
        String newLink = again.json().path("invitationLink").asString();
        assertThat(newLink).contains("/reset-password?token=").isNotEqualTo(link);

        String token = newLink.substring(newLink.indexOf("token=") + 6);
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "Elegida-Por-Mi-1"))
            .send().status()).isEqualTo(204);
        assertThat(api.login(tenant.email("invitada"), "Elegida-Por-Mi-1")).isNotBlank();
        Response accepted = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).language("en").send();
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.problemCode()).isEqualTo("invitation-accepted");
        assertThat(accepted.json().path("title").asString()).isEqualTo("Invitation already accepted");
        assertThat(api.get("/api/v1/users/" + id).token(admin).send().json().path("invitation").isNull()).isTrue();
    }

    @Test
    void onlyWhoMayCreateUsersSendsInvitations() {
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        String id = api.post("/api/v1/users", Map.of("email", tenant.email("otra"), "fullName", "Otra", "language", "es",
                "timeZone", "America/Guatemala")).token(admin).send().json().path("id").asString();
        assertThat(api.post("/api/v1/users/" + id + "/invitation", null).token(sales).send().status()).isEqualTo(403);
    }
}
