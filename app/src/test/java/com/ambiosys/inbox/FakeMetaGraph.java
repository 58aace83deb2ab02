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
 * hash.
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
    /** When set, a send answers this Cloud API error (HTTP 400). */
    volatile String sendError;

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
        if ("POST".equals(exchange.getRequestMethod()) && id.endsWith("/messages")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sent.add(body);
            if (sendError != null) {
                send(exchange, 400, sendError);
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
