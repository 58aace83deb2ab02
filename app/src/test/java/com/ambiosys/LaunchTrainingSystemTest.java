package com.ambiosys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.ambiosys.support.SystemTest;

/**
 * The build's training run (decision 0011) records the classes of a first visit only if its requests reach
 * the application's real paths: a renamed endpoint would leave them out of the archive without a sound.
 */
@SystemTest
class LaunchTrainingSystemTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Value("${ambiosys.admin.email}")
    String adminEmail;

    @Value("${ambiosys.admin.password}")
    String adminPassword;

    @Test
    void trainingVisitSignsInAndOpensTheMainListsOfTheProduct() {
        Map<String, Integer> answers = new LaunchTraining(adminEmail, adminPassword).visit("http://127.0.0.1:" + port);

        assertThat(answers).containsKey("GET /")
            .containsEntry("GET /api/v1/me (no login)", 401)
            .containsEntry("POST login (unknown user)", 401)
            .containsEntry("POST login (malformed)", 400)
            .containsEntry("POST login", 200)
            .containsEntry("GET /api/v1/me", 200)
            .containsEntry("GET /api/v1/customers?size=20", 200)
            .containsEntry("GET /api/v1/service-requests?size=20", 200)
            .containsEntry("GET /api/v1/inbox/conversations", 200)
            .containsEntry("GET /api/v1/catalog/items", 200)
            .containsEntry("GET /api/v1/users", 200)
            .containsEntry("GET /api/v1/roles", 200)
            .containsEntry("GET /api/v1/audit-log", 200)
            .containsEntry("GET /api/v1/geo/countries", 200)
            .containsEntry("GET /api/v1/nowhere", 404)
            .hasSize(15);
    }

    @Test
    void trainingIsOffUnlessTheLauncherAsksForIt() {
        assertThat(context.getBeanProvider(LaunchTraining.class).getIfAvailable()).isNull();
    }
}
