package com.ambiosys.inbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.support.Chromium;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;

/**
 * The inbox in headless Chromium against the whole product: a WhatsApp message (a webhook signed as
 * Meta signs it) appears live, the agent answers, and the answer reaches (the fake of) Meta's Graph
 * API; its read receipt comes back live. Lives beside {@link FakeMetaGraph}, which is package-private.
 */
@SystemTest
@org.junit.jupiter.api.extension.ExtendWith(com.ambiosys.support.BrowserRequired.class)
class InboxBrowserTest {

    static final String TOKEN = "EAAG-token-navegador-0001";
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;

    TestTenant tenant;
    BrowserContext context;
    Page page;
    String phoneNumberId;
    final HttpClient http = HttpClient.newHttpClient();
    final List<String> consoleErrors = new ArrayList<>();
    final List<String> failedResponses = new ArrayList<>();

    @BeforeAll
    static void launch() {
        if (com.ambiosys.support.BrowserRequired.missing() != null) {
            return; // every test is skipped, and counted as such (BrowserRequired)
        }
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        tenant = tenants.create();
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private void newPage(boolean bypassCsp) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT")
            .setColorScheme(ColorScheme.LIGHT).setBypassCSP(bypassCsp));
        page = context.newPage();
        Chromium.recordErrors(page, consoleErrors, failedResponses);
    }

    @AfterEach
    void noConsoleErrors() {
        if (context != null) {
            context.close();
        }
        assertThat(consoleErrors).as("console errors (failed responses: %s)", failedResponses).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void login() {
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill(tenant.adminEmail());
        page.getByLabel("Contraseña").fill(TestTenants.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByTestId("user-menu")).isVisible();
    }

    /** The administrator connects the WhatsApp number on the channels page and is shown what to give Meta. */
    private void connectChannel() {
        page.getByTestId("nav-inboxChannels").click();
        page.getByTestId("new-channel").click();
        page.getByTestId("channel-name").fill("WhatsApp ventas");
        page.getByTestId("channel-phoneNumberId").fill(phoneNumberId);
        page.getByTestId("channel-wabaId").fill("102290129340398");
        page.getByTestId("channel-displayPhone").fill("+502 2245 1800");
        page.getByTestId("channel-accessToken").fill(TOKEN);
        page.getByTestId("channel-appSecret").fill(WhatsAppWebhookTest.SECRET);
        page.getByTestId("channel-verifyToken").fill("verificar-" + phoneNumberId);
        page.getByTestId("save-channel").click();
        assertThat(page.getByTestId("verify-token")).hasValue("verificar-" + phoneNumberId);
        page.getByTestId("channel-done").click();
        Locator card = page.getByTestId("channel-" + phoneNumberId);
        assertThat(card).containsText("WhatsApp ventas");
        assertThat(card).containsText("••••-123"); // the app secret only as its hint
        assertThat(card).not().containsText("Simulado"); // the administrator may mark a channel simulated; this one is real
        assertThat(page.getByTestId("webhook-url")).hasValue(url("/webhooks/whatsapp"));
    }

    /** On the settings page: a canned response that greets the contact by name. */
    private void addCannedResponse() {
        page.getByTestId("nav-inboxSettings").click();
        page.getByTestId("new-canned").click();
        page.getByTestId("canned-code").fill("saludo");
        page.getByTestId("canned-title").fill("Saludo");
        page.getByTestId("canned-body").fill("Hola {{nombre}}, gracias por escribir a Ambiotec. ¿En qué le podemos ayudar?");
        page.getByTestId("save-canned").click();
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("/saludo").setExact(true))).isVisible();
    }

    static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x0b, 0x6e, 0x4f));
        g.fillRect(0, 0, 64, 40);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void webhook(String body) throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/webhooks/whatsapp")))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", WhatsAppWebhookTest.sign(body, WhatsAppWebhookTest.SECRET))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
            .isEqualTo(200);
    }

    private void inbound(String id, String text) throws Exception {
        webhook(WhatsAppWebhookTest.message(phoneNumberId, "50255551234", id, System.currentTimeMillis() / 1000 - 5, "text",
                "\"text\":{\"body\":\"" + text + "\"}"));
    }

    private void status(String externalId, String status) throws Exception {
        webhook("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"50222451800","phone_number_id":"%s"},
                 "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"50255551234"}]}}]}]}
                """.formatted(phoneNumberId, externalId, status, System.currentTimeMillis() / 1000));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static Locator.GetByRoleOptions inside(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    @Test
    void aWhatsAppMessageAppearsLiveTheAgentRepliesAndTheReplyReachesMeta() throws Exception {
        newPage(false);
        try (FakeMetaGraph meta = new FakeMetaGraph(FakeMetaGraph.PORT, TOKEN)) {
            login();
            connectChannel();
            addCannedResponse();

            page.getByTestId("nav-inbox").click();
            assertThat(page.getByTestId("stream-state")).hasAttribute("data-state", "connected");
            assertThat(page.getByText("No hay conversaciones con estos filtros.")).isVisible();

            // the customer writes: the conversation appears without a reload
            inbound("wamid.BROWSER1", "Buenas tardes, necesito cotizar la limpieza de una fosa séptica");
            Locator conversation = page.getByRole(AriaRole.BUTTON, named("Conversación con Ana López"));
            assertThat(conversation).isVisible();
            conversation.click();
            Locator thread = page.getByRole(AriaRole.LOG, named("Mensajes de la conversación"));
            assertThat(thread.getByRole(AriaRole.ARTICLE, inside("Recibido: Buenas tardes, necesito cotizar la limpieza de una fosa séptica")))
                .isVisible();

            // a second message while the thread is open lands in it live
            inbound("wamid.BROWSER2", "¿Tienen disponibilidad el sábado?");
            assertThat(thread.getByRole(AriaRole.ARTICLE, inside("Recibido: ¿Tienen disponibilidad el sábado?"))).isVisible();
            // with the conversation open, what Ana wrote is reported read to WhatsApp (her blue ticks), the new one too
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(meta.reads).contains("wamid.BROWSER1", "wamid.BROWSER2"));

            // the agent answers; Meta receives it; the read receipt comes back live
            page.getByRole(AriaRole.TEXTBOX, named("Mensaje")).fill("Con gusto, Ana. El sábado a las 9:00 tenemos un camión disponible.");
            page.getByRole(AriaRole.BUTTON, named("Enviar").setExact(true)).click();
            Locator reply = thread.getByRole(AriaRole.ARTICLE, inside("Enviado: Con gusto, Ana. El sábado a las 9:00 tenemos un camión disponible."));
            assertThat(reply).hasAttribute("data-status", "SENT");
            assertThat(page.getByRole(AriaRole.TEXTBOX, named("Mensaje"))).hasValue("");
            assertThat(meta.sent).hasSize(1);
            assertThat(meta.sent.get(0)).contains("\"to\":\"50255551234\"").contains("El sábado a las 9:00");
            status("wamid.OUT1", "read");
            assertThat(reply).hasAttribute("data-status", "READ");
            assertThat(reply.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("Leído"))).isVisible();
            assertThat(conversation).containsText("Con gusto, Ana");

            // a canned response by its short code, with the contact's name put in
            Locator box = page.getByRole(AriaRole.TEXTBOX, named("Mensaje"));
            box.fill("/sal");
            page.getByRole(AriaRole.OPTION, named("/saludo · Saludo")).click();
            assertThat(box).hasValue("Hola Ana, gracias por escribir a Ambiotec. ¿En qué le podemos ayudar?");
            page.getByRole(AriaRole.BUTTON, named("Enviar").setExact(true)).click();
            assertThat(thread.getByRole(AriaRole.ARTICLE, inside("Enviado: Hola Ana, gracias por escribir a Ambiotec. ¿En qué le podemos ayudar?")))
                .isVisible();

            // a photo with its caption: uploaded to Meta, sent, shown inline
            page.getByTestId("attach-input").setInputFiles(new FilePayload("camion.png", "image/png", png()));
            assertThat(page.getByTestId("attachment")).containsText("camion.png");
            box.fill("Así es el camión que llega el sábado");
            page.getByRole(AriaRole.BUTTON, named("Enviar").setExact(true)).click();
            Locator photo = thread.getByRole(AriaRole.ARTICLE, inside("Enviado: Así es el camión que llega el sábado"));
            assertThat(photo.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("Así es el camión que llega el sábado")))
                .isVisible();
            assertThat(meta.uploads).hasSize(1);
            assertThat(meta.sent).hasSize(3);
            assertThat(meta.sent.get(2)).contains("\"type\":\"image\"").contains("Así es el camión");

            // an approved template, read from Meta, with its parameters filled and previewed
            meta.templates.add("""
                    {"name":"seguimiento_cotizacion","language":"es","category":"UTILITY","status":"APPROVED","id":"1",
                     "components":[{"type":"BODY","text":"Hola {{1}}, le escribimos sobre la cotización {{2}}. ¿Tiene alguna duda?"}]}""");
            page.getByRole(AriaRole.BUTTON, named("Plantillas").setExact(true)).click();
            page.getByRole(AriaRole.COMBOBOX, named("Plantilla aprobada")).click();
            page.getByRole(AriaRole.OPTION, named("seguimiento_cotizacion (es)")).click();
            page.getByLabel("Parámetro 1").fill("Ana");
            page.getByLabel("Parámetro 2").fill("COT-000123");
            assertThat(page.getByTestId("template-preview"))
                .hasText("Hola Ana, le escribimos sobre la cotización COT-000123. ¿Tiene alguna duda?");
            page.getByTestId("send-template").click();
            assertThat(page.getByTestId("send-template")).isHidden();
            assertThat(meta.sent).hasSize(4);
            assertThat(meta.sent.get(3)).contains("seguimiento_cotizacion").contains("COT-000123");
            // the thread shows the text the template sent, not only its name
            assertThat(thread.getByRole(AriaRole.ARTICLE,
                    inside("Enviado: Hola Ana, le escribimos sobre la cotización COT-000123. ¿Tiene alguna duda?"))).isVisible();

            // a private note, then resolved: it leaves the open list live
            page.getByTestId("tab-notes").click();
            page.getByLabel("Nueva nota interna").fill("Pidió visita el sábado; confirmar dirección en Mixco.");
            page.getByRole(AriaRole.BUTTON, named("Guardar")).click();
            assertThat(page.getByTestId("notes")).containsText("confirmar dirección en Mixco");
            page.getByRole(AriaRole.TAB, named("Mensajes")).click();
            screenshot("inbox-light-es");
            page.getByTestId("resolve").click();
            assertThat(page.getByTestId("conversation-status")).hasText("Resuelta");
            assertThat(conversation).isHidden();

            // a phone: one pane at a time, with a way back
            page.setViewportSize(390, 844);
            assertThat(page.getByTestId("conversation-list")).isHidden();
            page.getByRole(AriaRole.BUTTON, named("Volver a la lista")).click();
            page.getByTestId("tab-RESOLVED").click();
            page.getByRole(AriaRole.BUTTON, named("Conversación con Ana López")).click();
            assertThat(thread.getByRole(AriaRole.ARTICLE).first()).isVisible();
            assertThat(page.getByTestId("conversation-list")).isHidden();
            screenshot("inbox-phone-es");
            page.getByRole(AriaRole.BUTTON, named("Volver a la lista")).click();
            assertThat(page.getByTestId("conversation-list")).isVisible();
        }
    }

    @Test
    void aKnownPhoneSuggestsItsCustomerWhichTheAgentConfirmsAndOpens() throws Exception {
        newPage(false);
        login();
        connectChannel();
        page.getByTestId("nav-customers").click();
        page.getByTestId("new-customer").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Nombre comercial").fill("Fosas y Drenajes Pérez");
        dialog.getByLabel("Nombre del contacto").fill("Ana López");
        dialog.getByLabel("Teléfono").fill("5555 1234");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Fosas y Drenajes Pérez"))).isVisible();

        inbound("wamid.KNOWN1", "Buenos días, quiero programar otra limpieza");
        page.getByTestId("nav-inbox").click();
        page.getByRole(AriaRole.BUTTON, named("Conversación con Ana López")).click();
        Locator panel = page.getByTestId("customer-panel");
        assertThat(panel.getByTestId("customer-suggestion")).containsText("Fosas y Drenajes Pérez");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirmar")).click();
        assertThat(panel.getByText("Sin solicitudes abiertas.")).isVisible();
        panel.getByTestId("customer-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Fosas y Drenajes Pérez"))).isVisible();
    }

    @Test
    void theInboxScreensHaveNoSeriousAccessibilityViolations() throws Exception {
        // axe is injected as a script, which our Content-Security-Policy rightly refuses: this page bypasses it
        newPage(true);
        login();
        connectChannel();
        assertAccessible("channels");
        inbound("wamid.AXE1", "Hola, ¿cuánto cuesta el alquiler de un sanitario portátil?");
        page.getByTestId("nav-inbox").click();
        page.getByRole(AriaRole.BUTTON, named("Conversación con Ana López")).click();
        assertThat(page.getByRole(AriaRole.ARTICLE).first()).isVisible();
        assertAccessible("inbox");
        page.getByTestId("nav-inboxSettings").click();
        assertThat(page.getByTestId("tab-canned")).isVisible();
        assertAccessible("inbox settings");
    }

    private void assertAccessible(String screen) throws java.io.IOException {
        Chromium.assertAccessible(page, screen);
    }

    private void screenshot(String name) {
        Chromium.screenshot(page, name);
    }
}
