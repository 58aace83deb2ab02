package com.ambiosys.support;

import java.net.URLDecoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;

/**
 * Signature Version 4 as S3 checks it, written from the S3 API reference and independent of any client:
 * in the {@code Authorization} header, or in the query string of a presigned URL.
 */
final class FakeS3Signatures {

    /** Why a request is refused: the S3 error code and message. */
    record Refusal(String code, String message) {
    }

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
    private static final Pattern CREDENTIAL = Pattern.compile("([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final String region;
    private final String accessKey;
    private final String secretKey;

    FakeS3Signatures(String region, String accessKey, String secretKey) {
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static boolean presigned(Map<String, String> query) {
        return query.containsKey("X-Amz-Signature");
    }

    /** Null when the request is signed right; otherwise why not. */
    Refusal verify(HttpExchange exchange, String rawPath, Map<String, String> query) {
        return presigned(query) ? verifyQuery(exchange, rawPath, query) : verifyHeader(exchange, rawPath);
    }

    private Refusal verifyHeader(HttpExchange exchange, String rawPath) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher auth = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
        if (!auth.matches()) {
            return denied("No AWS4-HMAC-SHA256 authorization");
        }
        String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
        Refusal scope = checkScope(auth.group(1), auth.group(2), auth.group(3), amzDate);
        if (scope != null) {
            return scope;
        }
        if (Duration.between(instant(amzDate), Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return new Refusal("RequestTimeTooSkewed", "Request time too skewed");
        }
        List<String> signed = Arrays.asList(auth.group(4).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date") || !signed.contains("x-amz-content-sha256")) {
            return denied("host, x-amz-date and x-amz-content-sha256 must be signed");
        }
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        return compare(exchange, rawPath, canonicalQuery(exchange.getRequestURI().getRawQuery(), false), auth.group(4),
                payloadHash, amzDate, auth.group(2), auth.group(5));
    }

    private Refusal verifyQuery(HttpExchange exchange, String rawPath, Map<String, String> query) {
        if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm"))) {
            return denied("Only AWS4-HMAC-SHA256 presigned URLs");
        }
        Matcher credential = CREDENTIAL.matcher(decode(query.getOrDefault("X-Amz-Credential", "")));
        String amzDate = query.get("X-Amz-Date");
        if (!credential.matches()) {
            return denied("Malformed X-Amz-Credential");
        }
        Refusal scope = checkScope(credential.group(1), credential.group(2), credential.group(3), amzDate);
        if (scope != null) {
            return scope;
        }
        long expires = Long.parseLong(query.getOrDefault("X-Amz-Expires", "0"));
        if (expires < 1 || expires > 604800) {
            return new Refusal("AuthorizationQueryParametersError", "X-Amz-Expires must be 1 to 604800 seconds");
        }
        if (instant(amzDate).plusSeconds(expires).isBefore(Instant.now())) {
            return denied("Request has expired");
        }
        String signedHeaders = decode(query.getOrDefault("X-Amz-SignedHeaders", ""));
        if (!Arrays.asList(signedHeaders.split(";")).contains("host")) {
            return denied("host must be signed");
        }
        return compare(exchange, rawPath, canonicalQuery(exchange.getRequestURI().getRawQuery(), true), signedHeaders,
                "UNSIGNED-PAYLOAD", amzDate, credential.group(2), query.get("X-Amz-Signature"));
    }

    private Refusal checkScope(String key, String day, String scopeRegion, String amzDate) {
        if (!accessKey.equals(key)) {
            return new Refusal("InvalidAccessKeyId", "Unknown access key");
        }
        if (amzDate == null || !amzDate.startsWith(day) || !region.equals(scopeRegion)) {
            return denied("Credential scope does not match the date or region");
        }
        return null;
    }

    private Refusal compare(HttpExchange exchange, String rawPath, String canonicalQuery, String signedHeaders,
            String payloadHash, String amzDate, String day, String signature) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return denied("Signed header " + name + " not sent");
            }
            canonicalHeaders.append(name).append(':')
                .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                .append('\n');
        }
        String canonicalRequest = exchange.getRequestMethod() + "\n" + rawPath + "\n" + canonicalQuery + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = day + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        for (String part : new String[] { region, "s3", "aws4_request" }) {
            key = hmac(key, part);
        }
        String expected = hex(hmac(key, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII)) ? null
                        : new Refusal("SignatureDoesNotMatch",
                                "The request signature we calculated does not match the signature you provided.");
    }

    /** The query's parameters as sent (still encoded), sorted; a presigned URL's own signature left out. */
    private static String canonicalQuery(String rawQuery, boolean presigned) {
        return rawQuery == null ? ""
                : Arrays.stream(rawQuery.split("&")).map(p -> p.contains("=") ? p : p + "=")
                    .filter(p -> !(presigned && p.startsWith("X-Amz-Signature="))).sorted()
                    .collect(Collectors.joining("&"));
    }

    /** Query parameters by name, values still encoded. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return query;
    }

    static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Refusal denied(String message) {
        return new Refusal("AccessDenied", message);
    }

    private static Instant instant(String amzDate) {
        return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
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

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
