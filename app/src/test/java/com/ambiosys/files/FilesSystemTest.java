package com.ambiosys.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.files.internal.DownloadLinks;
import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads over real multipart HTTP: type sniffed from content, limits, signed links, tenancy. */
class FilesSystemTest extends TenantApiTest {

    /** A valid 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    DownloadLinks links;
    @Autowired
    OrphanFileCleanup cleanup;
    @Autowired
    FileProperties properties;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    String customer;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port).login(tenant.adminEmail(), TestTenants.PASSWORD);
        customer = new ApiClient(port).post("/api/v1/customers", java.util.Map.of("kind", "COMPANY", "commercialName",
                "Cliente Uno", "country", "GT")).token(admin).send().json().path("id").asString();
    }

    record Answer(int status, JsonNode body) {
    }

    /** Uploads for the test's customer, or (another owner type) as an upload not yet given an owner. */
    Answer upload(String token, String filename, String declaredType, byte[] content, String ownerType) {
        ApiClient.Response response = new ApiClient(port).upload("/api/v1/files?ownerType=" + ownerType
                + ("customer".equals(ownerType) ? "&ownerId=" + customer : ""), token, filename, declaredType, content);
        return new Answer(response.status(), response.text().isBlank() ? null : response.json());
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void storesTheTypeTheContentHasNotTheOneTheClientClaims() throws Exception {
        Answer stored = upload(admin, "foto del sitio.jpg", "image/jpeg", PNG, "customer");
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body().path("mediaType").asString()).isEqualTo("image/png");
        assertThat(stored.body().path("sizeBytes").asLong()).isEqualTo(PNG.length);
        assertThat(stored.body().path("sha256").asString())
            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(stored.body().path("name").asString()).isEqualTo("foto del sitio.jpg");

        ApiClient api = new ApiClient(port);
        JsonNode list = api.get("/api/v1/files?ownerType=customer&ownerId=" + customer).token(admin).send().json();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void signedLinkDownloadsTheSameBytesWithoutSigningIn() throws Exception {
        String id = upload(admin, "cotizacion.pdf", "application/pdf", PDF, "quotation").body().path("id").asString();
        JsonNode link = new ApiClient(port).post("/api/v1/files/" + id + "/link", null).token(admin).send().json();
        HttpResponse<byte[]> file = download(link.path("url").asString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
            .contains("cotizacion.pdf");

        String url = link.path("url").asString();
        String tampered = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
        assertThat(download(tampered).statusCode()).isEqualTo(404);
        String expired = "/api/v1/files/download/" + links.sign(tenant.id(), UUID.fromString(id), Instant.now().minusSeconds(1));
        assertThat(download(expired).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesContentOutsideTheAllowListAndFilesOverTheLimit() throws Exception {
        Answer html = upload(admin, "factura.pdf", "application/pdf",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), "customer");
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.body().path("type").asString()).endsWith("file-type-not-allowed");
        assertThat(html.body().path("detail").asString()).contains("text/html");

        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(upload(admin, "documento.pdf", "application/pdf", exe, "customer").status()).isEqualTo(415);

        byte[] big = new byte[1_100_000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Answer tooBig = upload(admin, "grande.pdf", "application/pdf", big, "customer");
        assertThat(tooBig.status()).isEqualTo(413);

        Answer badOwner = upload(admin, "x.pdf", "application/pdf", PDF, "NotAType");
        assertThat(badOwner.status()).isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/v1/files?ownerType=customer&ownerId=" + customer).token(admin).send()
            .json().size()).isZero();
    }

    @Test
    void anotherTenantsFileIsNotFoundAndDeletingNeedsThePermission() throws Exception {
        String id = upload(admin, "dpi.png", "image/png", PNG, "customer").body().path("id").asString();
        TestTenant other = tenants.create();
        String otherAdmin = new ApiClient(port).login(other.adminEmail(), TestTenants.PASSWORD);
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/files/" + id).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/files/" + id + "/link", null).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/files/" + id).token(otherAdmin).send().status()).isEqualTo(404);

        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        String technician = api.login(tenant.email("tecnico"), TestTenants.PASSWORD);
        // a technician may not see customers, so neither their files
        assertThat(api.get("/api/v1/files/" + id).token(technician).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/files/" + id).token(technician).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/files/" + id).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/files/" + id).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void orphansAreDeletedFromDiskAfterTheirTtlWhileFilesACustomerDocumentUsesStay() throws Exception {
        String customer = new ApiClient(port).post("/api/v1/customers", java.util.Map.of("kind", "COMPANY",
                "commercialName", "Planta Norte", "country", "GT")).token(admin).send().json().path("id").asString();
        String orphan = upload(admin, "borrador.pdf", "application/pdf", PDF, "customer").body().path("id").asString();
        String document = upload(admin, "dpi.pdf", "application/pdf", PDF, "customer").body().path("id").asString();
        assertThat(new ApiClient(port).post("/api/v1/customers/" + customer + "/documents",
                java.util.Map.of("type", "DPI", "fileId", document)).token(admin).send().status()).isEqualTo(201);
        java.nio.file.Path orphanPath = pathOf(orphan);
        java.nio.file.Path documentPath = pathOf(document);
        assertThat(orphanPath).exists();
        tenantTx.run(tenant.id(), s -> jdbc.sql("update stored_files set created_at = now() - interval '25 hours'")
            .update());

        cleanup.cleanUp();

        assertThat(orphanPath).doesNotExist();
        assertThat(new ApiClient(port).get("/api/v1/files/" + orphan).token(admin).send().status()).isEqualTo(404);
        assertThat(documentPath).exists();
        assertThat(new ApiClient(port).get("/api/v1/files?ownerType=customer&ownerId=" + customer).token(admin).send()
            .json().size()).isEqualTo(1);
    }

    @Test
    void deletingAFileRemovesItsBytesFromDisk() {
        String id = upload(admin, "acta.pdf", "application/pdf", PDF, "customer").body().path("id").asString();
        java.nio.file.Path path = pathOf(id);
        assertThat(path).exists();
        assertThat(new ApiClient(port).delete("/api/v1/files/" + id).token(admin).send().status()).isEqualTo(204);
        assertThat(path).doesNotExist();
    }

    java.nio.file.Path pathOf(String id) {
        String key = tenantTx.read(tenant.id(), s -> jdbc.sql("select storage_key from stored_files where id = :id")
            .param("id", UUID.fromString(id)).query(String.class).single());
        return properties.localDir().toAbsolutePath().normalize().resolve(key);
    }
}
