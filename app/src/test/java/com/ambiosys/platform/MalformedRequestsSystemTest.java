package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

/** Requests that Tomcat cannot parse (paths it refuses, multipart it cannot read) are answered as 400 problem documents. */
class MalformedRequestsSystemTest extends TenantApiTest {

    @Test
    void anEncodedSlashInThePathIsABadRequestProblem() {
        Response r = api.get("/api/v1/users/..%2F..%2Fetc%2Fpasswd").token(admin).language("en").send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.problemCode()).isEqualTo("bad-request");
        assertThat(r.json().path("title").asString()).isEqualTo("Bad request");
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
    }

    @Test
    void anEncodedNulInThePathIsABadRequestProblemInTheCallersLanguage() {
        Response r = api.get("/api/v1/customers/a%00b").token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().path("title").asString()).isEqualTo("Solicitud incorrecta");
    }

    @Test
    void aNulInAnUploadedFilesNameIsABadRequestProblemAndNothingIsStored() {
        Response r = api.upload("/api/v1/files?ownerType=customer&ownerId=cliente-1", admin, "dpi\u0000.pdf", "application/pdf",
                "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.problemCode()).isEqualTo("malformed-multipart");
        long stored = tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from stored_files").query(Long.class).single());
        assertThat(stored).isZero();
    }
}
