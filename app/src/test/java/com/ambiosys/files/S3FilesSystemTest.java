package com.ambiosys.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import com.ambiosys.files.internal.S3Storage;
import com.ambiosys.files.internal.StorageException;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.FakeS3;
import com.ambiosys.support.TenantApiTest;

/**
 * Files in an S3-compatible bucket: the application against a fake S3 on loopback that checks every
 * request's Signature Version 4 and keeps objects in memory. A context of its own (storage = s3).
 */
class S3FilesSystemTest extends TenantApiTest {

    static final String ACCESS_KEY = "AKIAAMBIOSYSTEST0001";
    static final String SECRET_KEY = "s3cr3t/Clave+De+Prueba/0123456789abcdefgh";
    static final FakeS3 S3 = FakeS3.start("ambiosys-files", "gt-central-1", ACCESS_KEY, SECRET_KEY);

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        registry.add("ambiosys.files.storage", () -> "s3");
        registry.add("ambiosys.files.s3.endpoint", S3::endpoint);
        registry.add("ambiosys.files.s3.region", () -> "gt-central-1");
        registry.add("ambiosys.files.s3.bucket", () -> "ambiosys-files");
        registry.add("ambiosys.files.s3.access-key", () -> ACCESS_KEY);
        registry.add("ambiosys.files.s3.secret-key", () -> SECRET_KEY);
        registry.add("ambiosys.files.s3.prefix", () -> "ambiosys");
        registry.add("ambiosys.files.s3.multipart-threshold", () -> "64KB");
        registry.add("ambiosys.files.s3.multipart-part-size", () -> "32KB");
        registry.add("ambiosys.files.s3.presign-from", () -> "16KB");
    }

    @Autowired
    FileManagement files;
    @Autowired
    OrphanFileCleanup cleanup;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void storeAgain() {
        S3.failPutsWith(0);
    }

    String upload(byte[] content, String name) {
        ApiClient.Response uploaded = api.upload("/api/v1/files?ownerType=customer", admin, name,
                "application/octet-stream", content);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json().path("id").asString();
    }

    String keyOf(String id) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select storage_key from stored_files where id = :id")
            .param("id", UUID.fromString(id)).query(String.class).single());
    }

    @Test
    void uploadsGoToTheBucketSignedAndDownloadThroughTheSignedLink() throws Exception {
        int rejected = S3.rejectedSignatures();
        String id = upload(FilesSystemTest.PNG, "plano.png");

        String key = keyOf(id);
        assertThat(key).startsWith("ambiosys/" + tenant.id() + "/").endsWith("/" + id);
        assertThat(tenantTx.<String>read(tenant.id(), s -> jdbc.sql("select storage from stored_files where id = :id")
            .param("id", UUID.fromString(id)).query(String.class).single())).isEqualTo("S3");
        FakeS3.StoredObject object = S3.object(key).orElseThrow();
        assertThat(object.bytes()).isEqualTo(FilesSystemTest.PNG);
        assertThat(object.contentType()).isEqualTo("image/png");

        String url = api.post("/api/v1/files/" + id + "/link", null).token(admin).send().json().path("url").asString();
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(FilesSystemTest.PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(S3.rejectedSignatures()).as("requests with a bad signature").isEqualTo(rejected);
    }

    @Test
    void deletingAFileRemovesItsObject() {
        String id = upload(FilesSystemTest.PDF, "cotizacion.pdf");
        String key = keyOf(id);
        assertThat(S3.object(key)).isPresent();

        assertThat(api.delete("/api/v1/files/" + id).token(admin).send().status()).isEqualTo(204);

        assertThat(S3.object(key)).isEmpty();
        assertThat(api.get("/api/v1/files/" + id).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void aStorageFailureAnswers503AndStoresNoRow() {
        S3.failPutsWith(500);

        ApiClient.Response failed = api.upload("/api/v1/files?ownerType=customer", admin, "acta.pdf",
                "application/pdf", FilesSystemTest.PDF);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.problemCode()).isEqualTo("file-storage-unavailable");
        assertThat(tenantTx.<Long>read(tenant.id(), s -> jdbc.sql("select count(*) from stored_files").query(Long.class)
            .single())).isZero();
        assertThat(S3.keys()).noneMatch(k -> k.startsWith("ambiosys/" + tenant.id()));
    }

    @Test
    void anObjectWhoseRowCannotBeWrittenIsRemovedAgain() {
        // no tenant has this id, so the row's foreign key refuses it once the object is written
        UUID noTenant = UUID.randomUUID();
        assertThatThrownBy(() -> com.ambiosys.platform.tenancy.TenantContext.callAs(noTenant,
                () -> files.store(new OwnerType("customer"), null, "acta.pdf",
                        new java.io.ByteArrayInputStream(FilesSystemTest.PDF))))
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        assertThat(S3.keys()).noneMatch(k -> k.startsWith("ambiosys/" + noTenant));
        assertThat(S3.keys()).noneMatch(k -> k.startsWith("ambiosys/" + tenant.id()));
        assertThat(tenantTx.<Long>read(tenant.id(), s -> jdbc.sql("select count(*) from stored_files").query(Long.class)
            .single())).isZero();
    }

    static byte[] text(int bytes) {
        StringBuilder text = new StringBuilder();
        for (int row = 0; text.length() < bytes; row++) {
            text.append(String.format("fila %06d del informe de prueba%n", row));
        }
        return text.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    HttpResponse<byte[]> fetch(String url) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port).resolve(url);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void uploadsAboveTheThresholdGoUpInPartsAndComeBackWhole() throws Exception {
        byte[] content = text(100 * 1024);
        String id = upload(content, "informe.txt");

        FakeS3.StoredObject object = S3.object(keyOf(id)).orElseThrow();
        assertThat(object.parts()).as("32 KB parts of 100 KB").isEqualTo(4);
        assertThat(object.bytes()).isEqualTo(content);
        assertThat(object.contentType()).isEqualTo("text/plain");
        assertThat(S3.pendingUploads()).isZero();
        String url = api.post("/api/v1/files/" + id + "/link", null).token(admin).send().json().path("url").asString();
        assertThat(fetch(url).body()).isEqualTo(content);
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndAnswers503() {
        S3.failPutsWith(500);

        ApiClient.Response failed = api.upload("/api/v1/files?ownerType=customer", admin, "grande.txt", "text/plain",
                text(70 * 1024));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(S3.pendingUploads()).isZero();
        assertThat(S3.keys()).noneMatch(k -> k.startsWith("ambiosys/" + tenant.id()));
    }

    @Test
    void linksToLargeFilesArePresignedGetsFromTheBucket() throws Exception {
        byte[] content = text(20 * 1024);
        String id = upload(content, "reporte anual.txt");
        int presigned = S3.presignedGets();
        int rejected = S3.rejectedSignatures();

        String url = api.post("/api/v1/files/" + id + "/link", null).token(admin).send().json().path("url").asString();

        assertThat(url).startsWith(S3.endpoint() + "/ambiosys-files/" + keyOf(id) + "?")
            .contains("X-Amz-Signature=", "X-Amz-SignedHeaders=host").containsPattern("X-Amz-Expires=(299|300)&");
        HttpResponse<byte[]> download = fetch(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment").contains("reporte"));
        assertThat(S3.presignedGets()).isEqualTo(presigned + 1);
        assertThat(S3.rejectedSignatures()).isEqualTo(rejected);

        String forged = url.replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000");
        assertThat(fetch(forged).statusCode()).isEqualTo(403);
        String expired = url.replaceAll("X-Amz-Expires=\\d+", "X-Amz-Expires=1")
            .replaceAll("X-Amz-Date=(\\d{8})T\\d{6}Z", "X-Amz-Date=$1T000000Z");
        HttpResponse<byte[]> late = fetch(expired);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(new String(late.body(), StandardCharsets.UTF_8)).contains("expired");
        assertThat(S3.presignedGets()).isEqualTo(presigned + 1);
    }

    @Test
    void smallFilesAndImagesKeepTheApplicationsSignedLink() {
        String small = upload(text(2 * 1024), "nota.txt");
        assertThat(api.post("/api/v1/files/" + small + "/link", null).token(admin).send().json().path("url").asString())
            .startsWith("/api/v1/files/download/");
        // the pages show images inline, and the content security policy takes them from the application only
        byte[] largeImage = java.util.Arrays.copyOf(FilesSystemTest.PNG, 20 * 1024);
        String image = upload(largeImage, "foto.png");
        assertThat(api.post("/api/v1/files/" + image + "/link", null).token(admin).send().json().path("url").asString())
            .startsWith("/api/v1/files/download/");
    }

    @Test
    void theFakeChecksSignaturesAndAnswersLikeS3() throws Exception {
        Path temp = Files.createTempFile("s3-test", ".txt");
        Files.writeString(temp, "hola");
        String sha = sha256Hex("hola");
        S3Storage wrongSecret = new S3Storage(config("not-the-secret", DataSize.ofMegabytes(16)), Clock.systemUTC());
        int rejected = S3.rejectedSignatures();
        assertThatThrownBy(() -> wrongSecret.put("x/y", temp, 4, sha, "text/plain"))
            .isInstanceOf(StorageException.class).hasMessageContaining("403").hasMessageContaining("SignatureDoesNotMatch");
        assertThat(S3.rejectedSignatures()).isEqualTo(rejected + 1);

        S3Storage right = new S3Storage(config(SECRET_KEY, DataSize.ofMegabytes(16)), Clock.systemUTC());
        // the SHA-256 computed on receipt goes with the bytes (x-amz-checksum-sha256): altered bytes are refused
        assertThatThrownBy(() -> right.put("x/y", temp, 4, sha256Hex("adiós"), "text/plain"))
            .isInstanceOf(StorageException.class).hasMessageContaining("400").hasMessageContaining("BadDigest");
        assertThat(right.put("carpeta con espacio/ñ+1.txt", temp, 4, sha, "text/plain"))
            .isEqualTo("carpeta con espacio/ñ+1.txt");
        try (var in = right.open("carpeta con espacio/ñ+1.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hola");
        }
        right.delete("carpeta con espacio/ñ+1.txt");
        assertThatThrownBy(() -> right.open("carpeta con espacio/ñ+1.txt")).isInstanceOf(NoSuchFileException.class)
            .hasMessageContaining("NoSuchKey");
        right.checkBucket();
        Files.deleteIfExists(temp);
        wrongSecret.close();
        right.close();
    }

    static FileProperties.S3 config(String secretKey, DataSize multipartThreshold) {
        return new FileProperties.S3(S3.endpoint(), "gt-central-1", "ambiosys-files", ACCESS_KEY, secretKey, null, true, "",
                Duration.ofSeconds(2), Duration.ofSeconds(5), multipartThreshold, DataSize.ofKilobytes(32),
                DataSize.ofMegabytes(10));
    }

    static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void filesNeverAttachedAreDeletedAfterTheirTtlWithTheirObjects() {
        String orphan = upload(FilesSystemTest.PNG, "huérfano.png");
        String attached = upload(FilesSystemTest.PDF, "contrato.pdf");
        String fresh = upload(FilesSystemTest.PNG, "reciente.png");
        String orphanKey = keyOf(orphan);
        Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        tenantTx.run(tenant.id(), s -> jdbc.sql("update stored_files set created_at = :at where id in (:ids)")
            .param("at", twoDaysAgo).param("ids", java.util.List.of(UUID.fromString(orphan), UUID.fromString(attached)))
            .update());
        String customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Planta Sur", "country",
                "GT")).token(admin).send().json().path("id").asString();
        tenantTx.call(tenant.id(), s -> files.attach(UUID.fromString(attached), new OwnerType("customer"), customer));

        cleanup.cleanUp();

        assertThat(api.get("/api/v1/files/" + orphan).token(admin).send().status()).isEqualTo(404);
        assertThat(S3.object(orphanKey)).isEmpty();
        assertThat(tenantTx.<Long>read(tenant.id(), s -> jdbc.sql("""
                select count(*) from stored_files where id = :id and status = 'DELETED' and content_deleted_at is not null
                """).param("id", UUID.fromString(orphan)).query(Long.class).single())).isEqualTo(1);
        assertThat(tenantTx.<Long>read(tenant.id(), s -> jdbc.sql("""
                select count(*) from audit_log where entity_type = 'file' and entity_id = :id and action = 'DELETE'
                """).param("id", orphan).query(Long.class).single())).isEqualTo(1);

        for (String kept : new String[] { attached, fresh }) {
            assertThat(api.get("/api/v1/files/" + kept).token(admin).send().status()).isEqualTo(200);
            assertThat(S3.object(keyOf(kept))).isPresent();
        }
        assertThat(api.get("/api/v1/files?ownerType=customer&ownerId=" + customer).token(admin).send().json().size())
            .isEqualTo(1);
    }

    @Test
    void theCleanupIsADurableRecurringJob() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
            .sql("select count(*) from scheduled_tasks where task_name = 'files-delete-orphans'")
            .query(Long.class).single()).isEqualTo(1));
    }
}
