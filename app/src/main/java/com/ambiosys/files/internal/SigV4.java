package com.ambiosys.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for requests with an {@code Authorization} header, as S3 and every
 * S3-compatible service check it. Written by hand so the files module needs no AWS SDK; checked against
 * the examples in AWS's documentation.
 */
public final class SigV4 {

    /** The hex SHA-256 of no bytes: the payload hash of a GET, HEAD or DELETE. */
    public static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    public SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** {@code x-amz-date}'s format: {@code 20130524T000000Z}. */
    public static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * The {@code Authorization} header of a request. Every header in {@code headers} is signed; they must
     * include {@code host}, {@code x-amz-date} (equal to {@code at}) and {@code x-amz-content-sha256}, and
     * the request must send exactly these values.
     *
     * @param canonicalUri the path as sent, already URI-encoded ({@link #encodePath})
     * @param canonicalQuery the query with sorted, encoded parameters; empty for none
     */
    public String authorization(String method, String canonicalUri, String canonicalQuery,
            Map<String, String> headers, String payloadSha256, Instant at) {
        SortedMap<String, String> canonical = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonical.keySet());
        String request = canonicalRequest(method, canonicalUri, canonicalQuery, canonical, payloadSha256);
        String date = amzDate(at);
        String scope = date.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + sha256Hex(request);
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
    }

    static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
            SortedMap<String, String> canonicalHeaders, String payloadSha256) {
        String headerLines = canonicalHeaders.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining());
        return method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + headerLines + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n" + payloadSha256;
    }

    /** Lower-case names, sorted; values trimmed with inner runs of spaces collapsed. */
    static SortedMap<String, String> canonicalHeaders(Map<String, String> headers) {
        SortedMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(java.util.Locale.ROOT),
                value.trim().replaceAll(" +", " ")));
        return canonical;
    }

    /**
     * Encodes an object key for the path: every byte but the unreserved characters of RFC 3986 as
     * {@code %XY}, slashes kept. S3 encodes the path once (other AWS services twice).
     */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/') {
                out.append(c);
            }
            else {
                out.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
}
