package com.ambiosys.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

/**
 * A file follows the visibility of the record it belongs to: a sales rep without {@code customers:view_all} (or
 * {@code servicerequests:view_all}) reaches another rep's files neither by file id, nor by owner id, nor through a
 * download link; and gets 404, as for an id that does not exist.
 */
class FileVisibilityTest extends TenantApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    String repA;
    String repB;
    String manager;

    @BeforeEach
    void staff() {
        tenants.addUser(tenant, "vendedor.a", SystemRole.SALES);
        tenants.addUser(tenant, "vendedor.b", SystemRole.SALES);
        tenants.addUser(tenant, "gerente", SystemRole.MANAGER);
        repA = api.login(tenant.email("vendedor.a"), TestTenants.PASSWORD);
        repB = api.login(tenant.email("vendedor.b"), TestTenants.PASSWORD);
        manager = api.login(tenant.email("gerente"), TestTenants.PASSWORD);
    }

    Response upload(String token, String owner) {
        return api.upload("/api/v1/files?" + owner, token, "dpi.png", "image/png", FilesSystemTest.PNG);
    }

    String customerOf(String token, String name, String phone) {
        Response created = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", name, "country", "GT",
                "contact", Map.of("fullName", name, "phones", List.of(phone)))).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    int download(String token, String fileId) throws Exception {
        Response link = api.post("/api/v1/files/" + fileId + "/link", null).token(token).send();
        if (link.status() != 200) {
            return link.status();
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link.json().path("url").asString()))
            .build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    /** What a user reaches of a file: by its id, among its owner's files, through a download link. */
    void assertReach(String token, String fileId, String owner, int status) throws Exception {
        Response byId = api.get("/api/v1/files/" + fileId).token(token).send();
        assertThat(byId.status()).isEqualTo(status);
        Response byOwner = api.get("/api/v1/files?" + owner).token(token).send();
        assertThat(byOwner.status()).isEqualTo(status);
        assertThat(download(token, fileId)).isEqualTo(status);
        if (status == 404) {
            assertThat(byId.problemCode()).isEqualTo("not-found");
            assertThat(byOwner.problemCode()).isEqualTo("not-found");
        }
        else {
            assertThat(byOwner.json().valueStream().map(f -> f.path("id").asString())).containsExactly(fileId);
        }
    }

    @Test
    void aRepsCustomerDocumentIsNotFoundForAnotherRepAndSeenByItsRepAndByAManager() throws Exception {
        String customer = customerOf(repA, "Cliente de A", "5555-1234");
        String owner = "ownerType=customer&ownerId=" + customer;
        String scan = upload(repA, owner).json().path("id").asString();
        assertThat(api.post("/api/v1/customers/" + customer + "/documents", Map.of("type", "DPI", "fileId", scan))
            .token(repA).send().status()).isEqualTo(201);

        assertReach(repB, scan, owner, 404);
        assertReach(repA, scan, owner, 200);
        assertReach(manager, scan, owner, 200);
        assertReach(admin, scan, owner, 200);
    }

    @Test
    void aRepCannotTakeAnotherRepsFileIntoTheirOwnCustomerNorPutOneAmongTheirs() throws Exception {
        String customerA = customerOf(repA, "Cliente de A", "5555-1234");
        String ownerA = "ownerType=customer&ownerId=" + customerA;
        String scan = upload(repA, ownerA).json().path("id").asString();
        String customerB = customerOf(repB, "Cliente de B", "5555-4321");

        Response taken = api.post("/api/v1/customers/" + customerB + "/documents", Map.of("type", "DPI", "fileId", scan))
            .token(repB).send();
        assertThat(taken.problemCode()).as("the same answer as for a file that does not exist").isEqualTo("unknown-file");
        assertThat(api.get("/api/v1/files/" + scan).token(repA).send().json().path("ownerId").asString())
            .isEqualTo(customerA);

        Response slipped = upload(repB, ownerA);
        assertThat(slipped.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/files?" + ownerA).token(repA).send().json().size()).isEqualTo(1);
    }

    @Test
    void aRepsServiceRequestPhotoIsNotFoundForAnotherRepAndSeenByItsRepAndByAManager() throws Exception {
        String type = api.post("/api/v1/service-types", Map.of("code", "OTHER", "name", "Otro", "dataSchema", "FREE_FORM"))
            .token(admin).send().json().path("id").asString();
        String customer = customerOf(repA, "Cliente de A", "5555-1234");
        Response created = api.post("/api/v1/service-requests", Map.of("customerId", customer, "serviceTypeId", type,
                "channel", "PHONE", "description", "Limpieza de fosa", "typeData", Map.of("detalle", "fosa"))).token(repA).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String request = created.json().path("id").asString();
        String owner = "ownerType=service_request&ownerId=" + request;
        String photo = upload(repA, owner).json().path("id").asString();
        assertThat(api.post("/api/v1/service-requests/" + request + "/media", Map.of("fileId", photo)).token(repA).send()
            .status()).isEqualTo(200);

        assertReach(repB, photo, owner, 404);
        assertReach(repA, photo, owner, 200);
        assertReach(manager, photo, owner, 200);
    }

    @Test
    void anUploadNotYetGivenAnOwnerIsItsUploadersAndAnOwnerTypeNoModuleKnowsIsNobodys() throws Exception {
        String draft = upload(repA, "ownerType=inbox_message").json().path("id").asString();
        assertThat(api.get("/api/v1/files/" + draft).token(repA).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/files/" + draft).token(repB).send().status()).isEqualTo(404);
        assertThat(download(repB, draft)).isEqualTo(404);

        assertThat(upload(admin, "ownerType=quotation&ownerId=COT-1").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/files?ownerType=quotation&ownerId=COT-1").token(admin).send().status()).isEqualTo(404);
    }
}
