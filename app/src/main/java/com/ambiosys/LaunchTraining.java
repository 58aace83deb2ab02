package com.ambiosys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build's training run of the fast launch (docs/decisions/0011): started by the launcher with
 * {@code AMBIOSYS_FAST_LAUNCH=prepare} on a throwaway data directory, the application makes the requests
 * of a first visit to itself once it is ready (the web page, a login, the main lists, a refused and a
 * malformed request) and stops, so that the class data sharing archive recorded at its exit holds the
 * classes a real start and its first requests load. Never active otherwise.
 */
@Component
@ConditionalOnBooleanProperty("ambiosys.launch.training")
class LaunchTraining {

    private static final Logger log = LoggerFactory.getLogger(LaunchTraining.class);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SIGNED_IN_PAGES = List.of("/api/v1/me", "/api/v1/customers?size=20",
            "/api/v1/service-requests?size=20", "/api/v1/inbox/conversations", "/api/v1/catalog/items",
            "/api/v1/users", "/api/v1/roles", "/api/v1/audit-log", "/api/v1/geo/countries", "/api/v1/nowhere");

    private final String adminEmail;
    private final String adminPassword;

    LaunchTraining(@Value("${ambiosys.admin.email:admin@ambiotec.example}") String adminEmail,
            @Value("${ambiosys.admin.password:}") String adminPassword) {
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        Thread trainer = new Thread(() -> {
            Map<String, Integer> answers = visit("http://127.0.0.1:" + port);
            log.info("Launch training: {} requests answered ({}); stopping", answers.size(), answers);
            System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
        }, "ambiosys-launch-training");
        trainer.start();
    }

    /**
     * The requests of a first visit, in order, with the status each was answered (a request that got no
     * answer is left out). The answers are not judged here: LaunchTrainingSystemTest keeps them the expected ones.
     */
    Map<String, Integer> visit(String base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Integer> answers = new LinkedHashMap<>();
        send(http, "GET /", get(base + "/").build(), answers);
        send(http, "GET /api/v1/me (no login)", get(base + "/api/v1/me").build(), answers);
        // an unknown email: a wrong password for the administrator would hold back the login that follows
        send(http, "POST login (unknown user)", json(base + "/api/v1/auth/login",
                "{\"email\":\"nobody@launch-training.invalid\",\"password\":\"not-a-password\"}"), answers);
        send(http, "POST login (malformed)", json(base + "/api/v1/auth/login", "{\"email\":"), answers);
        String login = send(http, "POST login", json(base + "/api/v1/auth/login",
                "{\"email\":\"" + adminEmail + "\",\"password\":\"" + adminPassword + "\"}"), answers);
        Matcher token = ACCESS_TOKEN.matcher(login == null ? "" : login);
        if (token.find()) {
            for (String page : SIGNED_IN_PAGES) {
                send(http, "GET " + page, get(base + page).header("Authorization", "Bearer " + token.group(1)).build(), answers);
            }
        }
        return answers;
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept-Language", "es");
    }

    private static HttpRequest json(String url, String body) {
        return get(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpClient http, String name, HttpRequest request, Map<String, Integer> answers) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answers.put(name, response.statusCode());
            return response.body();
        }
        catch (java.io.IOException e) {
            log.debug("Launch training: {} failed: {}", request.uri(), e.toString());
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
