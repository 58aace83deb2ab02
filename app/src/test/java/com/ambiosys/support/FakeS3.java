package com.ambiosys.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A protocol-true S3 on loopback for system tests: one bucket in memory, path-style addressing, PUT, GET,
 * DELETE Object and HEAD Bucket. Every request's Signature Version 4 is recomputed here, independently of
 * the application's signer, with the same secret: a wrong signature answers 403
 * {@code SignatureDoesNotMatch}, a payload whose SHA-256 differs from {@code x-amz-content-sha256} 400
 * {@code XAmzContentSHA256Mismatch}, a missing key 404 {@code NoSuchKey}, as S3 does.
 */
public final class FakeS3 implements AutoCloseable {

    /** An object as S3 keeps it. */
    public record StoredObject(byte[] bytes, String contentType) {
    }

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final String bucket;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private volatile int failPutsWith;

    private FakeS3(String bucket, String region, String accessKey, String secretKey) throws IOException {
        this.bucket = bucket;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
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
            String problem = verifySignature(exchange, rawPath, body);
            if (problem != null) {
                rejectedSignatures.incrementAndGet();
                error(exchange, 403, "SignatureDoesNotMatch", problem);
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
            String key = java.net.URLDecoder.decode(rawPath.substring(bucketPath.length() + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            switch (method) {
                case "PUT" -> put(exchange, key, body);
                case "GET" -> get(exchange, key);
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed", method);
            }
        }
    }

    private void put(HttpExchange exchange, String key, byte[] body) throws IOException {
        if (failPutsWith != 0) {
            error(exchange, failPutsWith, "InternalError", "We encountered an internal error. Please try again.");
            return;
        }
        String declared = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (!hex(sha256(body)).equals(declared)) {
            error(exchange, 400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
            return;
        }
        objects.put(key, new StoredObject(body, exchange.getRequestHeaders().getFirst("Content-Type")));
        exchange.getResponseHeaders().add("ETag", "\"" + hex(md5(body)) + "\"");
        exchange.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange exchange, String key) throws IOException {
        StoredObject object = objects.get(key);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        if (object.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", object.contentType());
        }
        exchange.sendResponseHeaders(200, object.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object.bytes());
        }
    }

    /** Null when the request is signed right; otherwise why not. */
    private String verifySignature(HttpExchange exchange, String rawPath, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher auth = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
        if (!auth.matches()) {
            return "No AWS4-HMAC-SHA256 authorization";
        }
        if (!accessKey.equals(auth.group(1))) {
            return "Unknown access key";
        }
        String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
        if (amzDate == null || !amzDate.startsWith(auth.group(2)) || !region.equals(auth.group(3))) {
            return "Credential scope does not match the date or region";
        }
        Instant at = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        if (Duration.between(at, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "Request time too skewed";
        }
        List<String> signed = Arrays.asList(auth.group(4).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date") || !signed.contains("x-amz-content-sha256")) {
            return "host, x-amz-date and x-amz-content-sha256 must be signed";
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return "Signed header " + name + " not sent";
            }
            canonicalHeaders.append(name).append(':')
                .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                .append('\n');
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String canonicalQuery = rawQuery == null ? ""
                : Arrays.stream(rawQuery.split("&")).map(p -> p.contains("=") ? p : p + "=").sorted()
                    .collect(Collectors.joining("&"));
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        String canonicalRequest = exchange.getRequestMethod() + "\n" + rawPath + "\n" + canonicalQuery + "\n"
                + canonicalHeaders + "\n" + auth.group(4) + "\n" + payloadHash;
        String scope = auth.group(2) + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), auth.group(2));
        for (String part : new String[] { region, "s3", "aws4_request" }) {
            key = hmac(key, part);
        }
        String expected = hex(hmac(key, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.group(5).getBytes(StandardCharsets.US_ASCII)) ? null
                        : "The request signature we calculated does not match the signature you provided.";
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
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

    private static byte[] sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static byte[] md5(byte[] bytes) {
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

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
