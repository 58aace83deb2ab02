package com.ambiosys.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.Chromium;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;

/** The web application in Debian's headless Chromium, against the whole product on a random port. */
@SystemTest
@org.junit.jupiter.api.extension.ExtendWith(com.ambiosys.support.BrowserRequired.class)
class BrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    TestTenant tenant;
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();
    final List<String> failedResponses = new ArrayList<>(); // to say which request a console error is about

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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT")
            .setColorScheme(ColorScheme.LIGHT));
        page = context.newPage();
        Chromium.recordErrors(page, consoleErrors, failedResponses);
    }

    @AfterEach
    void noConsoleErrors() {
        context.close();
        assertThat(consoleErrors).as("console errors (failed responses: %s)", failedResponses).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void login(String email) {
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill(email);
        page.getByLabel("Contraseña").fill(TestTenants.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByTestId("user-menu")).isVisible();
    }

    @Test
    void wrongPasswordIsExplainedAndTheLoginPageWorksInSpanish() {
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))).isVisible();
        screenshot("login-light-es");
        page.getByLabel("Correo electrónico").fill(tenant.adminEmail());
        page.getByLabel("Contraseña").fill("no-es-la-clave");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByTestId("login-error")).hasText("El correo o la contraseña no son correctos.");
        // a 401 answer is expected here; the browser reports it as a failed resource load
        consoleErrors.removeIf(e -> e.contains("401"));
    }

    @Test
    void adminCreatesAUserAndARole() {
        login(tenant.adminEmail());
        screenshot("shell-light-es");
        page.getByTestId("nav-users").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Usuarios"))).isVisible();
        assertThat(page.getByText("Filas por página:")).isVisible(); // the data grid speaks Spanish too
        screenshot("users-light-es");

        page.getByTestId("new-user").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Correo", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill(tenant.email("marta"));
        dialog.getByLabel("Nombre completo").fill("Marta Lucía Girón");
        dialog.getByLabel("Teléfono").fill("+50255551234");
        dialog.getByRole(AriaRole.CHECKBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Vendedor")).check();
        page.getByTestId("save-user").click();
        // no mail server answers here: the dialog says the invitation did not leave and hands over its link
        assertThat(page.getByTestId("invitation-notice")).containsText("No se pudo enviar el correo de invitación");
        assertThat(page.getByTestId("invitation-link")).hasValue(java.util.regex.Pattern.compile(".*/reset-password\\?token=.+"));
        screenshot("user-invitation-not-sent-es");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cerrar")).click();
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Marta Lucía Girón"))).isVisible();
        assertThat(page.getByText("Invitación pendiente")).isVisible();

        page.getByTestId("nav-roles").click();
        page.getByTestId("new-role").click();
        page.getByTestId("role-code").fill("AUDITORIA");
        page.getByTestId("role-name").fill("Auditoría interna");
        page.locator("[data-permission='audit:view']").check();
        page.locator("[data-permission='users:view']").check();
        page.getByTestId("save-role").click();
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Auditoría interna"))).isVisible();
    }

    @Test
    void salesRepSeesNoAdministrationAndItsRoutesSayNoAccess() {
        tenants.addUser(tenant, "vendedora", SystemRole.SALES);
        login(tenant.email("vendedora"));
        assertThat(page.getByTestId("nav-customers")).isVisible();
        assertThat(page.getByTestId("nav-users")).hasCount(0);
        assertThat(page.getByText("Administración")).hasCount(0);
        page.navigate(url("/admin/users")); // a deep link, reloaded: the session survives, access does not
        assertThat(page.getByTestId("no-access")).isVisible();
    }

    @Test
    void switchesLanguageAndThemeAndLogsOut() {
        login(tenant.adminEmail());
        page.getByTestId("user-menu").click();
        page.getByTestId("lang-en").click();
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("nav-users")).hasText("Users");

        page.getByTestId("user-menu").click();
        page.getByTestId("theme-dark").click();
        page.keyboard().press("Escape");
        String background = (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(18, 18, 18)");
        page.getByTestId("nav-users").click();
        assertThat(page.getByText("Rows per page:")).isVisible();
        screenshot("users-dark-en");

        page.getByTestId("user-menu").click();
        page.getByTestId("logout").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        screenshot("login-dark-en");
        page.navigate(url("/admin/users"));
        assertThat(page).hasURL(url("/login"));

        // another browser (nothing stored in it) reads the language from the user's profile
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT"));
        page = context.newPage();
        Chromium.recordErrors(page, consoleErrors, failedResponses);
        login(tenant.adminEmail());
        assertThat(page.getByTestId("nav-users")).hasText("Users");
    }

    @Test
    void theProfilePageIsReachedFromTheAccountMenu() {
        login(tenant.adminEmail());
        page.getByTestId("user-menu").click();
        page.getByTestId("profile").click();
        assertThat(page).hasURL(url("/profile"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mi perfil"))).isVisible();
        assertThat(page.getByTestId("session-current")).isVisible();
        screenshot("profile-light-es");
    }

    @Test
    void followsTheSystemsDarkThemeWithoutBeingAsked() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT")
            .setColorScheme(ColorScheme.DARK));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))).isVisible();
        assertThat((String) page.evaluate("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(18, 18, 18)");
        screenshot("login-dark-es");
        login(tenant.adminEmail());
        screenshot("shell-dark-es");
        page.getByTestId("nav-users").click();
        assertThat(page.getByText("Filas por página:")).isVisible();
        screenshot("users-dark-es");
    }

    @Test
    void narrowScreensGetAMenuButtonInsteadOfTheSidebar() {
        page.setViewportSize(390, 844); // a phone
        login(tenant.adminEmail());
        assertThat(page.getByTestId("nav-users")).not().isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menú")).click();
        page.getByTestId("nav-users").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Usuarios"))).isVisible();
        screenshot("users-phone-es");
    }

    @Test
    void anExpiredSessionAsksToSignInAgainWithoutLosingWhatWasTyped() {
        login(tenant.adminEmail());
        page.getByTestId("nav-users").click();
        page.getByTestId("new-user").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Nombre completo").fill("Texto que no se pierde");

        // the session ends behind the browser's back: every refresh token revoked, the user briefly inactive
        sql("update users set status = 'INACTIVE' where id = '" + tenant.adminId() + "'");
        sql("update refresh_tokens set revoked_at = now() where user_id = '" + tenant.adminId() + "'");
        page.waitForTimeout(1500); // the server trusts its cached "user is active" for up to a second in tests
        dialog.getByLabel("Correo", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
            .fill(tenant.email("nueva"));
        page.getByTestId("save-user").click();
        var expired = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Su sesión expiró. Inicie sesión de nuevo."));
        assertThat(expired).isVisible();

        sql("update users set status = 'ACTIVE' where id = '" + tenant.adminId() + "'");
        page.waitForTimeout(1500);
        expired.getByLabel("Contraseña").fill(TestTenants.PASSWORD);
        expired.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Entrar")).click();
        assertThat(expired).hasCount(0);
        assertThat(page.getByRole(AriaRole.DIALOG).getByLabel("Nombre completo")).hasValue("Texto que no se pierde");
        consoleErrors.removeIf(e -> e.contains("401"));
    }

    @Test
    void screensHaveNoSeriousAccessibilityViolationsAndWorkByKeyboard() throws Exception {
        // axe is injected as a script, which our Content-Security-Policy rightly refuses: let this page bypass it
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT")
            .setBypassCSP(true));
        page = context.newPage();
        page.onPageError(error -> consoleErrors.add(error));
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))).isVisible();
        assertAccessible("login");
        // by keyboard alone: the email field has focus, Tab to the password, Enter submits
        page.keyboard().type(tenant.adminEmail());
        page.keyboard().press("Tab");
        page.keyboard().type(TestTenants.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("user-menu")).isVisible();
        assertAccessible("home");
        page.getByTestId("nav-users").click();
        assertThat(page.getByRole(AriaRole.GRIDCELL).first()).isVisible();
        assertAccessible("users");
        page.getByTestId("nav-roles").click();
        assertThat(page.getByRole(AriaRole.GRIDCELL).first()).isVisible();
        assertAccessible("roles");
        page.getByTestId("nav-customers").click();
        assertThat(page.getByTestId("customer-search")).isVisible();
        assertAccessible("customers");
        page.getByTestId("import-customers").click();
        assertThat(page.getByTestId("import-upload")).isVisible();
        assertAccessible("customer import");
        page.getByTestId("nav-customers").click();
        page.getByTestId("new-customer").click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Nombre comercial").fill("Cliente Accesible");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cliente Accesible"))).isVisible();
        assertAccessible("customer");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Direcciones (0)")).click();
        page.getByTestId("add-address").click();
        assertThat(page.getByTestId("save-address")).isVisible();
        assertAccessible("address dialog");
        page.keyboard().press("Escape");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contactos (0)")).click();
        page.getByTestId("add-contact").click();
        assertThat(page.getByTestId("save-contact")).isVisible();
        assertAccessible("contact dialog");
    }

    private void assertAccessible(String screen) throws java.io.IOException {
        Chromium.assertAccessible(page, screen);
    }

    @Test
    void aCustomerIsCreatedWithItsContactFoundByPhoneAndWarnedAboutWhenRepeated() {
        login(tenant.adminEmail());
        page.getByTestId("nav-customers").click();
        page.getByTestId("new-customer").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Nombre comercial").fill("Hotel Casa Antigua");
        dialog.getByLabel("NIT").fill("576937-K");
        dialog.getByLabel("Nombre del contacto").fill("Andrea Sosa");
        dialog.getByLabel("Teléfono").fill("5512 3456");
        dialog.getByLabel("Correo").fill("andrea@casaantigua.com.gt");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hotel Casa Antigua"))).isVisible();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contactos (1)")).click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("+502 5512 3456"))).isVisible();

        page.getByTestId("nav-customers").click();
        searchCustomers("55123456");
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Hotel Casa Antigua"))).isVisible();
        screenshot("customers-light-es");
        var csv = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).matches("clientes-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.csv");

        page.getByTestId("new-customer").click();
        dialog.getByLabel("Nombre comercial").fill("Casa Antigua (otra)");
        dialog.getByLabel("NIT").fill("576937K");
        page.getByTestId("save-customer").click();
        assertThat(page.getByTestId("duplicate-warning")).containsText("Hotel Casa Antigua");
        consoleErrors.removeIf(e -> e.contains("409"));
        page.getByTestId("save-customer").click(); // confirmed: created anyway
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Casa Antigua (otra)"))).isVisible();
    }

    /** The acceptance: a customer with a contact and an address, found by search, gets a document uploaded. */
    @Test
    void aCustomerGetsAContactAndAnAddressIsFoundBySearchAndGetsADocumentUploaded() {
        login(tenant.adminEmail());
        page.getByTestId("nav-customers").click();
        page.getByTestId("new-customer").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Nombre comercial").fill("Ferretería El Martillo");
        dialog.getByLabel("Nombre del contacto").fill("Rosa Méndez");
        dialog.getByLabel("Teléfono").fill("5512 3456");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ferretería El Martillo"))).isVisible();

        // a second contact with two phones: the first is marked as the primary one
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contactos (1)")).click();
        page.getByTestId("add-contact").click();
        dialog.getByLabel("Nombre del contacto").fill("Carlos Ruiz");
        dialog.getByLabel("Teléfono 1", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("5598 7654");
        page.getByTestId("add-phones").click();
        dialog.getByLabel("Teléfono 2", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("+50377778888");
        dialog.getByLabel("Correo 1", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("carlos@martillo.com.gt");
        page.getByTestId("save-contact").click();
        assertThat(dialog).hasCount(0);
        var carlos = page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Carlos Ruiz"));
        assertThat(carlos).containsText("+502 5598 7654"); // typed in the national form, shown as people read it
        assertThat(carlos).containsText("Principal");
        assertThat(carlos).containsText("+503 7777 8888");
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contactos (2)"))).isVisible();

        // an address picked from the catalog shows the names of its places, not their ids
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Direcciones (0)")).click();
        page.getByTestId("add-address").click();
        dialog.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Departamento")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sacatepéquez")).click();
        dialog.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Municipio")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Antigua Guatemala")).click();
        dialog.getByLabel("Dirección", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill("5a Avenida Norte #12");
        screenshot("customer-address-dialog-es");
        page.getByTestId("save-address").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.getByTestId("address-row")).containsText("5a Avenida Norte #12, Antigua Guatemala, Sacatepéquez");
        assertThat(page.getByTestId("address-row")).not().containsText("GT-03");

        // found by name, by the second contact's phone, and by department; not by another department
        page.getByTestId("nav-customers").click();
        var row = page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Ferretería El Martillo"));
        searchCustomers("martillo");
        assertThat(row).isVisible();
        searchCustomers("55987654");
        assertThat(row).isVisible();
        searchCustomers("no existe tal cliente");
        assertThat(row).hasCount(0);
        page.getByTestId("customer-search").fill("");
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Departamento")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Escuintla")).click();
        assertThat(row).hasCount(0);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Departamento")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sacatepéquez")).click();
        assertThat(row).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("departmentId=GT-03"));
        row.click();

        // a document with its file, expiring in ten days: the badge says so and the file comes back through a signed link
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Documentos (0)")).click();
        page.getByTestId("add-document").click();
        dialog.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tipo")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("RTU")).click();
        dialog.getByLabel("Número").fill("RTU-2026-001");
        dialog.getByLabel("Vence").fill(java.time.LocalDate.now().plusDays(10).toString());
        page.getByTestId("document-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("rtu.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(dialog.getByText("rtu.pdf")).isVisible();
        page.getByTestId("save-document").click();
        assertThat(dialog).hasCount(0);
        var document = page.getByTestId("document-row");
        assertThat(document).containsText("RTU-2026-001");
        assertThat(document.getByTestId("expiry-badge")).hasText("Por vencer");
        screenshot("customer-documents-light-es");
        var file = page.waitForDownload(() -> document.getByTestId("download-document").click());
        assertThat(file.suggestedFilename()).isEqualTo("rtu.pdf");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contactos (2)")).click();
        page.waitForTimeout(400); // the tab indicator's slide
        screenshot("customer-light-es");
        page.setViewportSize(390, 844); // a phone: the table scrolls sideways, the actions wrap
        page.waitForTimeout(400);
        screenshot("customer-phone-es");
    }

    @Test
    void aCustomerIsEditedBlockedAndDeletedWithAReason() {
        login(tenant.adminEmail());
        page.getByTestId("nav-customers").click();
        page.getByTestId("new-customer").click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Nombre comercial").fill("Salón Los Arcos");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Salón Los Arcos"))).isVisible();

        page.getByTestId("edit-customer").click();
        dialog.getByLabel("Nombre comercial").fill("Salón Los Arcos Eventos");
        dialog.getByLabel("Etiquetas").fill("evento");
        dialog.getByLabel("Etiquetas").press("Enter");
        dialog.getByLabel("Notas").fill("Atiende fines de semana.");
        page.getByTestId("save-customer").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Salón Los Arcos Eventos"))).isVisible();
        assertThat(page.getByText("Atiende fines de semana.")).isVisible();

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Razones sociales")).click();
        page.getByTestId("add-legal-entity").click();
        dialog.getByLabel("Razón social").fill("Inversiones Los Arcos, S.A.");
        dialog.getByLabel("Predeterminada").check();
        page.getByTestId("save-legal-entity").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
            .setHasText("Inversiones Los Arcos, S.A."))).containsText("Predeterminada");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Interacciones")).click();
        page.getByTestId("add-interaction").click();
        dialog.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tipo")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Visita")).click();
        dialog.getByLabel("Resumen").fill("Visita al salón para medir la cocina.");
        page.getByTestId("save-interaction").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
            .setHasText("Visita al salón para medir la cocina."))).containsText("Visita");

        page.getByTestId("block-customer").click();
        page.getByTestId("confirm").click();
        assertThat(dialog.getByText("Obligatorio")).isVisible(); // a reason is required
        page.getByTestId("reason").fill("Facturas vencidas");
        page.getByTestId("confirm").click();
        assertThat(page.getByTestId("customer-status")).hasText("Bloqueado");
        assertThat(page.getByText("Cliente bloqueado: Facturas vencidas")).isVisible();

        page.getByTestId("nav-customers").click();
        var row = page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Salón Los Arcos Eventos"));
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Estado")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Activo")).click();
        assertThat(row).hasCount(0);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Estado")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Bloqueado")).click();
        assertThat(row).isVisible();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Etiqueta")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("evento")).click();
        assertThat(row).isVisible();
        var export = page.waitForRequest(r -> r.url().contains("/api/v1/customers/export"),
                () -> page.waitForDownload(() -> page.getByTestId("export-csv").click()));
        assertThat(export.url()).as("the export asks for the list's filters").contains("format=csv").contains("status=BLOCKED")
            .contains("tag=evento");
        row.click();

        page.getByTestId("delete-customer").click();
        page.getByTestId("reason").fill("Registro de prueba");
        page.getByTestId("confirm").click();
        assertThat(page).hasURL(url("/customers"));
        searchCustomers("Arcos");
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Salón Los Arcos Eventos"))).hasCount(0);
    }

    @Test
    void customersAreImportedFromACsvAfterAPreviewThatShowsTheBadRows() {
        login(tenant.adminEmail());
        page.getByTestId("nav-customers").click();
        page.getByTestId("import-customers").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Importar clientes"))).isVisible();
        var template = page.waitForDownload(() -> page.getByTestId("import-template").click());
        assertThat(template.suggestedFilename()).isEqualTo("plantilla-clientes.csv");

        String csv = """
                tipo,nombre_comercial,nit,pais,contacto,telefonos,departamento,municipio,direccion
                EMPRESA,Panadería La Espiga,,GT,Marta Cruz,5511 2233,Sacatepéquez,Antigua Guatemala,3a Calle Poniente 8
                PERSONA,Julio Herrera,,GT,Julio Herrera,5544 6677,,,
                EMPRESA,NIT malo,1234567,GT,,,,,
                """;
        page.getByTestId("import-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("clientes-nuevos.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByTestId("import-upload").click();
        assertThat(page.getByTestId("import-counts")).containsText("3 filas");
        assertThat(page.getByTestId("import-counts")).containsText("2 válidas");
        assertThat(page.getByTestId("import-counts")).containsText("1 con errores");
        assertThat(page.getByTestId("import-row-error")).containsText("NIT: «1234567» no es un NIT válido");
        page.getByText("Mostrar solo filas con errores").click();
        assertThat(page.getByTestId("import-row-ok")).hasCount(2);
        screenshot("customer-import-preview-es");

        page.getByTestId("import-commit").click();
        assertThat(page.getByTestId("import-done")).containsText("Se crearon 2 clientes.");
        assertThat(page.getByTestId("import-row-error")).containsText("NIT: «1234567» no es un NIT válido"); // kept
        var report = page.waitForDownload(() -> page.getByTestId("import-report-download").click());
        // the server names it (in the user's language, with the import's id)
        org.assertj.core.api.Assertions.assertThat(report.suggestedFilename()).matches("errores-importacion-[0-9a-f]{8}\\.csv");
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("clientes-nuevos.csv"))).isVisible();
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Importada"))).isVisible();
        page.getByTestId("import-to-list").click();
        searchCustomers("Espiga");
        page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("Panadería La Espiga")).click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Direcciones (1)")).click();
        assertThat(page.getByTestId("address-row")).containsText("3a Calle Poniente 8, Antigua Guatemala, Sacatepéquez");
    }

    /** Types into the customer search and waits for the list's answer, so that no earlier list passes for the result. */
    private void searchCustomers(String text) {
        String query = "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
        page.waitForResponse(r -> r.url().contains("/api/v1/customers?") && r.url().contains(query),
                () -> page.getByTestId("customer-search").fill(text));
    }

    @Test
    void adminBuildsTheCatalogAndChangesAPriceWithItsHistory() {
        login(tenant.adminEmail());
        page.getByTestId("nav-catalog").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Catálogo"))).isVisible();
        page.getByTestId("new-category").click();
        page.getByTestId("category-name").fill("Sanitarios portátiles");
        page.getByTestId("category-prefix").fill("san");
        assertThat(page.getByText("Los SKU de sus productos serán SAN-0001, SAN-0002…")).isVisible();
        page.getByTestId("save-category").click();
        assertThat(page.getByTestId("category-SAN")).containsText("Sanitarios portátiles");

        page.getByTestId("new-item").click(); // the selected category comes preselected
        page.getByTestId("item-name").fill("Sanitario portátil estándar – renta mensual");
        page.getByTestId("item-price").fill("850");
        page.getByTestId("save-item").click();
        assertThat(page.getByTestId("catalog-notice")).containsText("SAN-0001");
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("SAN-0001"))).isVisible();
        var row = page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("SAN-0001"));
        assertThat(row).containsText("850.00");
        screenshot("catalog-light-es");

        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cambiar precio")).click();
        page.getByTestId("new-price").fill("900,00");
        page.getByTestId("price-reason").fill("Ajuste anual de tarifas");
        page.getByTestId("save-price").click();
        var history = page.getByTestId("price-history");
        assertThat(history).containsText("Ajuste anual de tarifas");
        assertThat(history).containsText("Precio inicial");
        assertThat(history).containsText("900.00");
        assertThat(history).containsText("Administradora " + tenant.slug());
        screenshot("catalog-price-history-es");
        page.keyboard().press("Escape");
        assertThat(row).containsText("900.00");
    }

    @org.springframework.beans.factory.annotation.Value("${ambiosys.admin.password}")
    String demoAdminPassword;

    /**
     * Issue 5's acceptance: the demo tenant's administrator creates a septic-tank request for José Pérez,
     * drags it on the board from new to in review (its first response: the response SLA badge turns to
     * "Cumplido") and on to quoted; an illegal drop is refused.
     */
    @Test
    void aSepticTankRequestIsCreatedAndMovedThroughTheBoardWhileItsSlaBadgeChanges() {
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill("admin@ambiotec.example");
        page.getByLabel("Contraseña").fill(demoAdminPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.getByTestId("nav-servicerequests").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Solicitudes de servicio"))).isVisible();
        assertThat(page.getByRole(AriaRole.GRIDCELL, new Page.GetByRoleOptions().setName("José Pérez")).first()).isVisible();
        page.evaluate("window.scrollTo(0, 0)");
        screenshot("requests-light-es");

        page.getByTestId("new-request").click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Cliente").setExact(true)).fill("José");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("José Pérez")).click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Tipo de servicio")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Limpieza de fosa séptica")).click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Tipo de agua")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Aguas negras")).click();
        page.getByLabel("Volumen (m³)").fill("6");
        page.getByLabel("Distancia de manguera (m)").fill("30");
        page.getByLabel("Condiciones de acceso").fill("Portón de 3 m; el camión cisterna entra hasta el patio.");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Descripción").setExact(true)).fill("Succión preventiva de la fosa de la casa.");
        // the line comes from the catalog: its SKU, unit, price and VAT
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agregar del catálogo (nombre o SKU)")).fill("Succión");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
            .setName(java.util.regex.Pattern.compile("FOS-\\d+ · Succión de fosa séptica hasta 5 m³$"))).click();
        assertThat(page.getByLabel("Concepto")).hasValue("Succión de fosa séptica hasta 5 m³");
        page.getByLabel("Precio unitario").fill("1450"); // a negotiated price overrides the catalog's
        page.evaluate("window.scrollTo(0, 0)");
        screenshot("request-new-light-es");
        page.getByTestId("save-request").click();

        var number = page.getByTestId("request-number");
        assertThat(number).hasText(java.util.regex.Pattern.compile("\\S+"));
        String requestNumber = number.textContent().trim();
        assertThat(page.getByTestId("request-status")).hasText("Nueva");
        assertThat(page.getByTestId("request-sla-RESPONSE")).hasText("Respuesta: A tiempo");
        assertThat(page.getByTestId("type-data")).containsText("Aguas negras");
        assertThat(page.getByTestId("totals-GTQ")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions()
            .setName(java.util.regex.Pattern.compile("^FOS-\\d+ · Succión de fosa séptica hasta 5 m³$")))).isVisible();
        // a photo of the site: uploaded through the files API, shown as a thumbnail from its signed link
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAE/wH+2Fi5NQAAAABJRU5ErkJggg==");
        page.getByTestId("media-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("fosa.png", "image/png", png));
        var thumbnail = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("fosa.png"));
        assertThat(thumbnail).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
        page.evaluate("window.scrollTo(0, 0)");
        screenshot("request-light-es");

        page.getByTestId("nav-requestsBoard").click();
        var card = page.getByTestId("card-" + requestNumber);
        assertThat(page.getByTestId("column-NEW").getByTestId("card-" + requestNumber)).isVisible();
        var badge = page.getByTestId("sla-response-" + requestNumber);
        assertThat(badge).hasText("Respuesta: A tiempo");

        card.hover(); // the card asks the server for its legal moves
        assertThat(card).hasAttribute("data-moves", "ready");
        card.dragTo(page.getByTestId("column-IN_REVIEW"));
        page.getByTestId("move-comment").fill("Se confirmó el acceso con el cliente.");
        page.getByTestId("confirm-move").click();
        assertThat(page.getByTestId("column-IN_REVIEW").getByTestId("card-" + requestNumber)).isVisible();
        assertThat(badge).hasText("Respuesta: Cumplido"); // the first response fulfils the response clock
        page.evaluate("window.scrollTo(0, 0)");
        screenshot("board-light-es");

        card.hover();
        assertThat(card).hasAttribute("data-moves", "ready");
        card.dragTo(page.getByTestId("column-QUOTED"));
        page.getByTestId("confirm-move").click();
        assertThat(page.getByTestId("column-QUOTED").getByTestId("card-" + requestNumber)).isVisible();

        // quoted cannot skip to scheduled: the column refuses the drop and no dialog opens
        card.hover();
        assertThat(card).hasAttribute("data-moves", "ready");
        card.dragTo(page.getByTestId("column-SCHEDULED"));
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.getByTestId("column-QUOTED").getByTestId("card-" + requestNumber)).isVisible();
        // the keyboard's way offers the legal moves only
        page.getByTestId("move-" + requestNumber).click();
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Aceptada"))).isVisible();
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Programada"))).hasCount(0);
        page.keyboard().press("Escape");

        page.getByTestId("card-" + requestNumber).getByRole(AriaRole.LINK).click();
        assertThat(page.getByTestId("request-status")).hasText("Cotizada");
        assertThat(page.getByTestId("history")).containsText("Se confirmó el acceso con el cliente.");
        // edited while open: the form comes back filled in, the change lands in the history with its field's name
        page.getByTestId("edit-request").click();
        assertThat(page.getByLabel("Volumen (m³)")).hasValue("6");
        assertThat(page.getByLabel("Concepto")).hasValue("Succión de fosa séptica hasta 5 m³");
        page.getByLabel("Volumen (m³)").fill("8");
        page.getByTestId("save-request").click();
        assertThat(page.getByTestId("type-data")).containsText("8");
        assertThat(page.getByTestId("history")).containsText("Volumen (m³): 6 → 8");
        page.getByTestId("nav-requestsSettings").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Configuración de solicitudes"))).isVisible();
        screenshot("request-settings-light-es");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Fosa séptica urgente").setExact(true))).isVisible();

        // the board narrowed to one type: kept in the address, the request is there only under its own type
        page.navigate(url("/requests/board"));
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Tipo de servicio")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sanitarios portátiles")).click();
        assertThat(page.getByTestId("card-" + requestNumber)).hasCount(0);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Tipo de servicio")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Limpieza de fosa séptica")).click();
        assertThat(page.getByTestId("card-" + requestNumber)).isVisible();
        org.junit.jupiter.api.Assertions.assertTrue(page.url().contains("serviceTypeId="), page.url());

        page.setViewportSize(390, 844); // a phone: the board scrolls sideways, the request page stacks
        page.navigate(url("/requests/board"));
        assertThat(page.getByTestId("card-" + requestNumber)).isAttached();
        screenshot("board-phone-es");
    }

    @Test
    void serviceRequestScreensHaveNoSeriousAccessibilityViolations() throws Exception {
        context.close(); // axe is injected as a script: this page bypasses the Content-Security-Policy
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("es-GT")
            .setBypassCSP(true));
        page = context.newPage();
        page.onPageError(error -> consoleErrors.add(error));
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill("admin@ambiotec.example");
        page.getByLabel("Contraseña").fill(demoAdminPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.getByTestId("nav-servicerequests").click();
        assertThat(page.getByRole(AriaRole.GRIDCELL).first()).isVisible();
        assertAccessible("requests");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SR-000001")).click();
        assertThat(page.getByTestId("history")).containsText("Cotización enviada por WhatsApp.");
        assertAccessible("request");
        page.getByTestId("nav-requestsBoard").click();
        assertThat(page.getByTestId("card-SR-000001")).isVisible();
        assertAccessible("board");
        page.navigate(url("/requests/new"));
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Tipo de servicio")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Planta de tratamiento (PTAR)")).click();
        page.getByTestId("add-item").click();
        assertAccessible("new request");
        page.navigate(url("/requests/settings"));
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("General").setExact(true))).isVisible();
        assertAccessible("request settings");
    }

    /**
     * Issue 6's acceptance: a message written in the WhatsApp simulator (a signed webhook into the
     * platform) appears live in the inbox of the demo tenant's administrator, who answers; the simulator
     * shows the answer. Simulator and inbox are two tabs of one browser.
     */
    @Test
    void aMessageFromTheWhatsAppSimulatorAppearsLiveInTheInboxAndTheReplyReachesIt() {
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill("admin@ambiotec.example");
        page.getByLabel("Contraseña").fill(demoAdminPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByTestId("user-menu")).isVisible();
        Page inbox = context.newPage(); // signs in silently: the browser sends the refresh cookie
        inbox.navigate(url("/inbox"));
        assertThat(inbox.getByTestId("stream-state")).hasAttribute("data-state", "connected");

        // a new customer's phone writes from the simulator
        String phone = "+5037845" + (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
        page.navigate(url("/simulator"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar teléfono")).click();
        page.getByLabel("Teléfono (E.164)").fill(phone);
        page.getByLabel("Nombre del perfil").fill("Karla Beatriz Monterroso");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear")).click();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Mensaje")).fill(
                "Buenas tardes, ¿alquilan sanitarios portátiles para una feria en San Salvador?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar").setExact(true)).click();

        // it appears in the inbox without a reload; the agent answers
        com.microsoft.playwright.Locator conversation = inbox.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Conversación con Karla Beatriz Monterroso"));
        assertThat(conversation).isVisible();
        conversation.click();
        assertThat(inbox.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions()
            .setName("Recibido: Buenas tardes, ¿alquilan sanitarios portátiles para una feria en San Salvador?"))).isVisible();
        inbox.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Mensaje"))
            .fill("Con gusto, Karla. Sí, tenemos sanitarios para eventos; ¿para qué fechas y cuántas personas?");
        inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar").setExact(true)).click();
        assertThat(inbox.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions()
            .setName("Enviado: Con gusto, Karla. Sí, tenemos sanitarios para eventos; ¿para qué fechas y cuántas personas?")))
            .isVisible();

        // the simulator's phone shows it
        assertThat(page.getByRole(AriaRole.LISTITEM, new Page.GetByRoleOptions()
            .setName("Empresa: Con gusto, Karla. Sí, tenemos sanitarios para eventos; ¿para qué fechas y cuántas personas?")))
            .isVisible();
    }

    /**
     * A thread longer than the first page (200 messages): the oldest are not shown until "Mensajes anteriores"
     * loads them (100 at a time), before the ones shown; when none are left the button goes. (The button is
     * found by its test id: by role and name Playwright did not find it, though its text is the name.)
     */
    @Test
    void aLongThreadShowsItsEarlierMessagesOnDemand() {
        java.util.UUID demo = jdbc.sql("select id from tenants where slug = 'ambiotec-demo'").query(java.util.UUID.class).single();
        java.util.Map<String, Object> conversation = com.ambiosys.platform.tenancy.TenantContext.callAs(demo, () -> tx.execute(s -> {
            java.util.Map<String, Object> found = jdbc.sql("""
                    select v.id, v.contact_id, v.channel_id from inbox_conversations v
                     where v.tenant_id = :t and v.status = 'OPEN' order by v.last_message_at desc limit 1
                    """).param("t", demo).query().singleRow();
            // 350 messages older than any of the thread's (a handful), a minute apart, a month ago
            jdbc.sql("""
                    insert into inbox_messages (tenant_id, id, channel_id, contact_id, conversation_id, direction, external_id,
                                                type, body, payload, sent_at, received_at, status, processed_at)
                    select :t, gen_random_uuid(), :channel, :contact, :conversation, 'IN', 'wamid.browser-old-' || i, 'text',
                           'Mensaje antiguo ' || lpad(i::text, 3, '0'), '{}'::jsonb,
                           now() - interval '30 days' + make_interval(mins => i),
                           now(), 'RECEIVED', now()
                      from generate_series(1, 350) i
                    """).param("t", demo).param("channel", found.get("channel_id")).param("contact", found.get("contact_id"))
                .param("conversation", found.get("id")).update();
            return found;
        }));
        page.navigate(url("/login"));
        page.getByLabel("Correo electrónico").fill("admin@ambiotec.example");
        page.getByLabel("Contraseña").fill(demoAdminPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        assertThat(page.getByTestId("user-menu")).isVisible();
        page.navigate(url("/inbox"));
        page.getByTestId("conversation-" + conversation.get("id")).click();

        com.microsoft.playwright.Locator oldest = page.getByRole(AriaRole.ARTICLE,
                new Page.GetByRoleOptions().setName("Recibido: Mensaje antiguo 001"));
        com.microsoft.playwright.Locator newestOld = page.getByRole(AriaRole.ARTICLE,
                new Page.GetByRoleOptions().setName("Recibido: Mensaje antiguo 350"));
        assertThat(newestOld).isVisible();
        assertThat(oldest).hasCount(0);
        assertThat(page.getByRole(AriaRole.ARTICLE)).hasCount(200);
        com.microsoft.playwright.Locator hundredth = page.getByRole(AriaRole.ARTICLE,
                new Page.GetByRoleOptions().setName("Recibido: Mensaje antiguo 100"));
        assertThat(hundredth).hasCount(0);
        com.microsoft.playwright.Locator earlier = page.getByTestId("older-messages");
        assertThat(earlier).hasText("Mensajes anteriores");
        earlier.click(); // 100 more, before the ones shown: the 100th now, not yet the first
        assertThat(hundredth).hasCount(1);
        assertThat(page.getByRole(AriaRole.ARTICLE)).hasCount(300);
        assertThat(oldest).hasCount(0);
        earlier.click(); // the rest: fewer than 100, so no more to ask for
        assertThat(oldest).hasCount(1);
        assertThat(earlier).hasCount(0);
        assertThat(page.getByRole(AriaRole.ARTICLE).first()).hasAttribute("aria-label", "Recibido: Mensaje antiguo 001");
    }

    private void sql(String statement) {
        com.ambiosys.platform.tenancy.TenantContext.runAs(tenant.id(), () -> tx.executeWithoutResult(s -> jdbc.sql(statement).update()));
    }

    private void screenshot(String name) {
        Chromium.screenshot(page, name);
    }
}
