package com.ambiosys.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A protocol-true S3 on loopback for system tests: one bucket in memory, path-style addressing, PUT, GET,
 * DELETE Object, HEAD Bucket, multipart uploads ({@link FakeS3Multipart}) and presigned GETs. Every
 * request's Signature Version 4 is recomputed here ({@link FakeS3Signatures}), independently of the
 * client, with the same secret: a wrong signature answers 403 {@code SignatureDoesNotMatch}, an expired
 * presigned URL 403 {@code AccessDenied}, a payload whose SHA-256 differs from {@code x-amz-content-sha256}
 * 400 {@code XAmzContentSHA256Mismatch} or from {@code x-amz-checksum-sha256} 400 {@code BadDigest}, a
 * missing key 404 {@code NoSuchKey}, as S3 does.
 */
public final class FakeS3 implements AutoCloseable {

    /** An object as S3 keeps it; {@code parts} is how many parts it was uploaded in (0: a single PUT). */
    public record StoredObject(byte[] bytes, String contentType, int parts) {
    }

    private final HttpServer server;
    private final String bucket;
    private final FakeS3Signatures signatures;
    private final FakeS3Multipart multipart = new FakeS3Multipart(this);
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private final AtomicInteger presignedGets = new AtomicInteger();
    private volatile int failPutsWith;

    private FakeS3(String bucket, String region, String accessKey, String secretKey) throws IOException {
        this.bucket = bucket;
        this.signatures = new FakeS3Signatures(region, accessKey, secretKey);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-s3");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeS3 start(String bucket, String region, String accessKey, String secretKey) {
        try {
            return new FakeS3(bucket, region, accessKey, secretKey);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public List<String> keys() {
        return objects.keySet().stream().sorted().toList();
    }

    public int rejectedSignatures() {
        return rejectedSignatures.get();
    }

    /** Objects served through a presigned URL. */
    public int presignedGets() {
        return presignedGets.get();
    }

    /** Multipart uploads begun and neither completed nor aborted. */
    public int pendingUploads() {
        return multipart.pending();
    }

    /** From now on every PUT answers this status (0: store again). */
    public void failPutsWith(int status) {
        this.failPutsWith = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            Map<String, String> query = FakeS3Signatures.query(exchange.getRequestURI().getRawQuery());
            FakeS3Signatures.Refusal refusal = signatures.verify(exchange, rawPath, query);
            if (refusal != null) {
                rejectedSignatures.incrementAndGet();
                error(exchange, 403, refusal.code(), refusal.message());
                return;
            }
            String method = exchange.getRequestMethod();
            String bucketPath = "/" + bucket;
            if (rawPath.equals(bucketPath) || rawPath.equals(bucketPath + "/")) {
                if ("HEAD".equals(method)) {
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                error(exchange, 405, "MethodNotAllowed", "Only HEAD on the bucket here");
                return;
            }
            if (!rawPath.startsWith(bucketPath + "/")) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            if (FakeS3Signatures.presigned(query) && !"GET".equals(method)) {
                error(exchange, 403, "AccessDenied", "Presigned URLs here are for GET only");
                return;
            }
            String key = FakeS3Signatures.decode(rawPath.substring(bucketPath.length() + 1));
            if (query.containsKey("uploads") || query.containsKey("uploadId")) {
                multipart.handle(exchange, method, key, query, body);
                return;
            }
            switch (method) {
                case "PUT" -> put(exchange, key, body);
                case "GET" -> get(exchange, key, query);
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed", method);
            }
        }
    }

    private void put(HttpExchange exchange, String key, byte[] body) throws IOException {
        if (!acceptsPut(exchange) || !checkPayload(exchange, body)) {
            return;
        }
        store(key, body, exchange.getRequestHeaders().getFirst("Content-Type"), 0);
        exchange.getResponseHeaders().add("ETag", "\"" + hex(md5(body)) + "\"");
        exchange.sendResponseHeaders(200, -1);
    }

    /** False, having answered the failure, while {@link #failPutsWith} is set (parts of an upload too). */
    boolean acceptsPut(HttpExchange exchange) throws IOException {
        if (failPutsWith != 0) {
            error(exchange, failPutsWith, "InternalError", "We encountered an internal error. Please try again.");
            return false;
        }
        return true;
    }

    /**
     * The body against the hashes the request declares: {@code x-amz-content-sha256} (signed, unless
     * {@code UNSIGNED-PAYLOAD}) and {@code x-amz-checksum-sha256}, each answered as S3 answers a mismatch.
     */
    boolean checkPayload(HttpExchange exchange, byte[] body) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (!"UNSIGNED-PAYLOAD".equals(declared) && !hex(FakeS3Signatures.sha256(body)).equals(declared)) {
            error(exchange, 400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
            return false;
        }
        String checksum = exchange.getRequestHeaders().getFirst("x-amz-checksum-sha256");
        if (checksum != null && !Base64.getEncoder().encodeToString(FakeS3Signatures.sha256(body)).equals(checksum)) {
            error(exchange, 400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.");
            return false;
        }
        return true;
    }

    void store(String key, byte[] bytes, String contentType, int parts) {
        objects.put(key, new StoredObject(bytes, contentType, parts));
    }

    private void get(HttpExchange exchange, String key, Map<String, String> query) throws IOException {
        StoredObject object = objects.get(key);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        if (FakeS3Signatures.presigned(query)) {
            presignedGets.incrementAndGet();
        }
        // the response-* parameters override the stored headers, as S3 does for signed requests
        String contentType = query.containsKey("response-content-type")
                ? FakeS3Signatures.decode(query.get("response-content-type")) : object.contentType();
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        if (query.containsKey("response-content-disposition")) {
            exchange.getResponseHeaders().add("Content-Disposition",
                    FakeS3Signatures.decode(query.get("response-content-disposition")));
        }
        exchange.sendResponseHeaders(200, object.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object.bytes());
        }
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fake</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    static byte[] md5(byte[] bytes) {
        return digest("MD5", bytes);
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
