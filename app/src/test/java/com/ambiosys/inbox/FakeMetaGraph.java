package com.ambiosys.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta's Graph API for media, on loopback, as the Cloud API documents it: {@code GET /v23.0/{media-id}}
 * with the bearer token answers {@code {url, mime_type, sha256, file_size, id}}; the URL answers the
 * bytes to the same token. A media id can be told to fail a number of times (500) or to lie about its
 * hash. {@code POST /{phone-number-id}/media} takes a multipart upload ({@code messaging_product},
 * {@code type}, {@code file}) and answers {@code {id}}; {@code GET /{waba-id}/message_templates} answers
 * the account's templates, filtered by {@code status} as Meta does, in pages of {@code limit}. A read receipt
 * ({@code POST /{phone-number-id}/messages} with {@code "status":"read"}) answers {@code {"success":true}}.
 */
final class FakeMetaGraph implements AutoCloseable {

    /** The loopback port of the fake: {@code -Dfakemeta.port=N} moves it (the test profile reads the same property). */
    static final int PORT = Integer.getInteger("fakemeta.port", 18931);

    record Media(byte[] bytes, String mimeType, int failures, boolean wrongHash) {
    }

    final HttpServer server;
    final String token;
    final Map<String, Media> media = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** The bodies of the messages the platform sent, as Meta received them. */
    final java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The message ids of the read receipts the platform sent ({@code "status":"read"}), in order. */
    final java.util.List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, a send (or a read receipt) answers this Cloud API error (HTTP 400). */
    volatile String sendError;
    /** The HTTP status {@link #sendError} comes with: Meta's 400 by default. */
    volatile int sendErrorStatus = 400;

    /** A media upload as Meta received it. */
    record Upload(String messagingProduct, String type, String filename, byte[] bytes) {
    }

    final java.util.List<Upload> uploads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The WhatsApp Business Account's templates, as Graph objects (JSON), and how often they were read. */
    final java.util.List<String> templates = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger templateReads = new AtomicInteger();

    FakeMetaGraph(int port, String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v23.0/", this::describe);
        server.createContext("/download/", this::download);
        server.start();
    }

    private void describe(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/v23.0/".length());
        if (!authorized(exchange)) {
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && id.endsWith("/media")) {
            upload(exchange);
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && id.endsWith("/message_templates")) {
            templateReads.incrementAndGet();
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String status = query.replaceAll("(?s).*(?:^|&)status=([A-Z_]+).*|.*", "$1");
            String data = templates.stream().filter(t -> status.isEmpty() || t.contains("\"status\":\"" + status + "\""))
                .collect(java.util.stream.Collectors.joining(","));
            send(exchange, 200, "{\"data\":[" + data + "],\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MjQZD\"}}}");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && id.endsWith("/messages")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"status\":\"read\"")) { // a read receipt: Meta answers {"success":true}
                if (sendError != null) {
                    send(exchange, sendErrorStatus, sendError);
                    return;
                }
                reads.add(body.replaceAll("(?s).*\"message_id\":\"([^\"]+)\".*", "$1"));
                send(exchange, 200, "{\"success\":true}");
                return;
            }
            sent.add(body);
            if (sendError != null) {
                send(exchange, sendErrorStatus, sendError);
                return;
            }
            String to = body.replaceAll("(?s).*\"to\":\"([0-9]+)\".*", "$1");
            send(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.OUT" + sent.size() + "\"}]}");
            return;
        }
        Media m = media.get(id);
        int call = calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (m == null) {
            send(exchange, 404, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100}}");
            return;
        }
        if (call <= m.failures()) {
            send(exchange, 500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2}}");
            return;
        }
        String sha = m.wrongHash() ? "0".repeat(64) : sha256(m.bytes());
        send(exchange, 200, "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/download/" + id
                + "\",\"mime_type\":\"" + m.mimeType() + "\",\"sha256\":\"" + sha + "\",\"file_size\":" + m.bytes().length
                + ",\"id\":\"" + id + "\",\"messaging_product\":\"whatsapp\"}");
    }

    /** Parses the multipart body as Meta does: each part by its name; the file part keeps its bytes. */
    private void upload(HttpExchange exchange) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.startsWith("multipart/form-data") || !contentType.contains("boundary=")) {
            send(exchange, 400, "{\"error\":{\"message\":\"(#100) Param file must be a file with one of the following types\",\"type\":\"OAuthException\",\"code\":100}}");
            return;
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        // ISO-8859-1 maps every byte to one char and back: the file's bytes survive the split
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new java.util.HashMap<>();
        String filename = null;
        byte[] file = null;
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String value = part.substring(headerEnd + 4, part.endsWith("\r\n") ? part.length() - 2 : part.length());
            String name = headers.replaceAll("(?s).*?; name=\"([^\"]*)\".*", "$1");
            if ("file".equals(name)) {
                filename = headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1");
                file = value.getBytes(StandardCharsets.ISO_8859_1);
            }
            else {
                fields.put(name, value);
            }
        }
        if (file == null || !"whatsapp".equals(fields.get("messaging_product"))) {
            send(exchange, 400, "{\"error\":{\"message\":\"(#100) The parameter messaging_product is required.\",\"type\":\"OAuthException\",\"code\":100}}");
            return;
        }
        uploads.add(new Upload(fields.get("messaging_product"), fields.get("type"), filename, file));
        send(exchange, 200, "{\"id\":\"10" + uploads.size() + "2030405060\"}");
    }

    private void download(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Media m = media.get(exchange.getRequestURI().getPath().substring("/download/".length()));
        if (m == null) {
            send(exchange, 404, "");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", m.mimeType());
        exchange.sendResponseHeaders(200, m.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(m.bytes());
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}");
            return false;
        }
        return true;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
