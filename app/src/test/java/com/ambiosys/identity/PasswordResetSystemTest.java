package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Password reset and invitations by email, through a real SMTP server (GreenMail). */
@SystemTest
class PasswordResetSystemTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9._-]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;

    ApiClient api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tenant = tenants.create();
    }

    @Test
    void resetLinkSetsANewPasswordOnceAndEndsOpenSessions() throws Exception {
        String refresh = api.post("/api/v1/auth/login", Map.of("email", tenant.adminEmail(), "password",
                TestTenants.PASSWORD)).send().cookie("ambiosys_refresh");

        Response requested = api.post("/api/v1/auth/password-reset", Map.of("email", tenant.adminEmail())).send();
        assertThat(requested.status()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(tenant.adminEmail());
        assertThat(mail.getSubject()).isEqualTo("Restablecer su contraseña de AmbioSys");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).as("the link names the port this server listens on, no public URL being set")
            .contains("http://localhost:" + port + "/reset-password?token=");
        String token = token(body);

        Response confirmed = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Nueva-Clave-Larga-9")).send();
        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(api.login(tenant.adminEmail(), "Nueva-Clave-Larga-9")).isNotBlank();
        assertThat(api.post("/api/v1/auth/login", Map.of("email", tenant.adminEmail(), "password",
                TestTenants.PASSWORD)).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null).cookie("ambiosys_refresh", refresh).send().status())
            .isEqualTo(401);

        Response reused = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Otra-Clave-Larga-9")).send();
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.problemCode()).isEqualTo("invalid-reset-token");
    }

    @Test
    void unknownEmailIsAcceptedSilentlyAndSendsNothing() throws Exception {
        Response requested = api.post("/api/v1/auth/password-reset", Map.of("email", "nadie@example.com")).send();
        assertThat(requested.status()).isEqualTo(202);
        // a known email's request afterwards: once its mail has arrived, a mail for the first would have too
        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", tenant.adminEmail())).send().status())
            .isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
            .containsExactly(tenant.adminEmail());
    }

    @Test
    void shortNewPasswordIsAValidationProblem() {
        Response r = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", "x", "newPassword", "corta"))
            .send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
    }

    @Test
    void invitedUserChoosesTheirPasswordFromTheEmail() throws Exception {
        String admin = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        Response created = api.post("/api/v1/users", Map.of("email", tenant.email("invitada"), "fullName",
                "Invitada Nueva", "language", "en", "timeZone", "America/El_Salvador")).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("invitationSent").asBoolean()).isTrue();
        assertThat(created.json().path("invitation").asString()).isEqualTo("PENDING");
        assertThat(created.json().path("invitationLink").isNull()).as("no link handed out once mailed").isTrue();
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("You have been invited to AmbioSys"); // in the user's language
        String token = token(GreenMailUtil.getBody(mail));
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Elegida-Por-Mi-1")).send().status()).isEqualTo(204);
        assertThat(api.login(tenant.email("invitada"), "Elegida-Por-Mi-1")).isNotBlank();
    }

    private static String token(String body) {
        Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("reset link in: " + body).isTrue();
        return m.group(1);
    }
}
