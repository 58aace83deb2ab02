package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.TenantApiTest;

/**
 * Body limits hold on the bytes read, not on what {@code Content-Length} claims: a chunked body (no length
 * declared) over the limit is refused with a 413 problem, wherever it is sent, public endpoints included.
 */
class RequestSizeSystemTest extends TenantApiTest {

    private static final int LIMIT = 1_048_576;

    @Test
    void chunkedBodyOverTheLimitToTheAnonymousSimulatorGraphIsRefusedWith413() throws IOException {
        String answer = chunkedPost("/simulator/graph/v23.0/123456/messages", "application/json", null,
                new byte[0], LIMIT + 300_000);
        assertThat(statusOf(answer)).isEqualTo(413);
        assertThat(answer).contains("application/problem+json").contains("payload-too-large");
    }

    @Test
    void chunkedJsonOverTheLimitToTheLoginIsRefusedWith413InTheCallersLanguage() throws IOException {
        byte[] prefix = "{\"email\":\"a@b.co\",\"password\":\"".getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/v1/auth/login", "application/json", "en", prefix, LIMIT + 300_000);
        assertThat(statusOf(answer)).isEqualTo(413);
        assertThat(answer).contains("Request too large");
    }

    @Test
    void chunkedJsonOverTheLimitToAnAuthenticatedEndpointStoresNothing() throws IOException {
        long before = customers();
        byte[] prefix = "{\"kind\":\"PERSON\",\"name\":\"".getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/v1/customers", "application/json", null, prefix, LIMIT + 300_000,
                "Authorization: Bearer " + admin);
        assertThat(statusOf(answer)).isEqualTo(413);
        assertThat(customers()).isEqualTo(before);
    }

    private long customers() {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from customers").query(Long.class).single());
    }

    @Test
    void chunkedJsonUnderTheLimitIsStillRead() throws IOException {
        byte[] body = "{\"email\":\"nobody@example.com\",\"password\":\"wrong-password\"}".getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/v1/auth/login", "application/json", null, body, 0);
        assertThat(statusOf(answer)).isEqualTo(401);
    }

    @Test
    void chunkedMultipartUploadOverItsLimitIsRefusedWith413() throws IOException {
        String boundary = "----ambiosys-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/v1/files", "multipart/form-data; boundary=" + boundary, null, head,
                25 * 1024 * 1024 + 300_000, "Authorization: Bearer " + admin);
        assertThat(statusOf(answer)).isEqualTo(413);
        assertThat(answer).contains("application/problem+json");
    }

    /**
     * Sends {@code prefix} then {@code padding} bytes of 'x' as a chunked body (no Content-Length), ends the
     * body, and returns the raw answer. Padding stays within Tomcat's swallow size past the limit, so the
     * connection is still open to read the answer on.
     */
    private String chunkedPost(String path, String contentType, String language, byte[] prefix, int padding,
            String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n");
            if (language != null) {
                head.append("Accept-Language: ").append(language).append("\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, prefix, prefix.length);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try {
                for (int sent = 0; sent < padding; sent += chunk.length) {
                    writeChunk(out, chunk, Math.min(chunk.length, padding - sent));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            catch (IOException closedEarly) {
                // the server may answer and stop reading before the whole body is sent: the answer is still there
            }
            return readAll(socket.getInputStream());
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        }
        catch (IOException reset) {
            // a reset after the answer was sent: keep what arrived
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static int statusOf(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }
}
