package com.ambiosys.files.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ambiosys.files.FileProperties;

/**
 * Keeps files in a bucket of any S3-compatible service (AWS S3, MinIO, Cloudflare R2, DigitalOcean
 * Spaces) over plain HTTP with Signature Version 4: PUT, GET and DELETE Object, HEAD Bucket. The payload
 * of a PUT is signed with its SHA-256 (known from the upload), so the service rejects altered bytes.
 */
public class S3Storage implements FileStorage {

    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final HttpClient http;
    private final SigV4 signer;
    private final Clock clock;
    private final String scheme;
    private final String host;
    private final int port;
    private final String bucketPath;
    private final String bucket;
    private final String prefix;
    private final Duration requestTimeout;

    public S3Storage(FileProperties.S3 config, Clock clock) {
        require(config.bucket(), "AMBIOSYS_FILES_S3_BUCKET (ambiosys.files.s3.bucket)");
        require(config.accessKey(), "AMBIOSYS_FILES_S3_ACCESS_KEY (ambiosys.files.s3.access-key)");
        require(config.secretKey(), "AMBIOSYS_FILES_S3_SECRET_KEY (ambiosys.files.s3.secret-key)");
        require(config.region(), "AMBIOSYS_FILES_S3_REGION (ambiosys.files.s3.region)");
        URI endpoint = URI.create(config.endpoint() == null || config.endpoint().isBlank()
                ? "https://s3." + config.region() + ".amazonaws.com" : config.endpoint().trim());
        if (endpoint.getHost() == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalStateException("ambiosys.files.s3.endpoint must be an http(s) URL, not " + endpoint);
        }
        this.clock = clock;
        this.bucket = config.bucket();
        this.scheme = endpoint.getScheme();
        this.port = endpoint.getPort();
        String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        if (config.pathStyle()) {
            this.host = endpoint.getHost();
            this.bucketPath = basePath + "/" + SigV4.encodePath(bucket);
        }
        else {
            this.host = bucket + "." + endpoint.getHost();
            this.bucketPath = basePath;
        }
        String p = config.prefix() == null ? "" : config.prefix().trim().replaceAll("^/+", "");
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        this.signer = new SigV4(config.accessKey(), config.secretKey(), config.region(), "s3");
        this.requestTimeout = config.requestTimeout();
        // S3 speaks HTTP/1.1; redirects would need signing again, so none are followed
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public FileProperties.Storage kind() {
        return FileProperties.Storage.S3;
    }

    @Override
    public String put(String key, Path source, long size, String sha256Hex, String mediaType) {
        String objectKey = prefix + key;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", mediaType);
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(source);
        }
        catch (FileNotFoundException ex) {
            throw new IllegalStateException("The upload's temporary file is gone", ex);
        }
        HttpResponse<String> response = send("PUT", objectPath(objectKey), headers, sha256Hex, body,
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure("PUT", objectKey, response.statusCode(), response.body());
        }
        return objectKey;
    }

    @Override
    public InputStream open(String storedKey) throws NoSuchFileException {
        HttpResponse<InputStream> response = send("GET", objectPath(storedKey), new LinkedHashMap<>(),
                SigV4.EMPTY_PAYLOAD_SHA256, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            return response.body();
        }
        String error = drain(response.body());
        if (response.statusCode() == 404) {
            throw new NoSuchFileException(storedKey, null, "not in bucket " + bucket + ": " + code(error));
        }
        throw failure("GET", storedKey, response.statusCode(), error);
    }

    @Override
    public void delete(String storedKey) {
        HttpResponse<String> response = send("DELETE", objectPath(storedKey), new LinkedHashMap<>(),
                SigV4.EMPTY_PAYLOAD_SHA256, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status != 204 && status != 200 && status != 404) {
            throw failure("DELETE", storedKey, status, response.body());
        }
    }

    /** HEAD Bucket: the bucket exists and the credentials reach it. */
    public void checkBucket() {
        HttpResponse<String> response = send("HEAD", bucketPath.isEmpty() ? "/" : bucketPath, new LinkedHashMap<>(),
                SigV4.EMPTY_PAYLOAD_SHA256, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure("HEAD", "(bucket)", response.statusCode(), "");
        }
    }

    public String describe() {
        return scheme + "://" + hostHeader() + bucketPath + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
    }

    private String objectPath(String objectKey) {
        return bucketPath + "/" + SigV4.encodePath(objectKey);
    }

    private <T> HttpResponse<T> send(String method, String path, Map<String, String> headers, String payloadSha256,
            HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler) {
        Instant now = clock.instant();
        headers.put("host", hostHeader());
        headers.put("x-amz-date", SigV4.amzDate(now));
        headers.put("x-amz-content-sha256", payloadSha256);
        String authorization = signer.authorization(method, path, "", headers, payloadSha256, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + hostHeader() + path))
            .timeout(requestTimeout).method(method, body).header("Authorization", authorization);
        // the client sets Host itself, to the same value as signed
        headers.forEach((name, value) -> {
            if (!"host".equals(name)) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), handler);
        }
        catch (IOException ex) {
            throw new StorageException("S3 " + method + " " + describe() + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted during S3 " + method, ex);
        }
    }

    /** What java.net.http sends as Host: the port only when it is not the scheme's default. */
    private String hostHeader() {
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    private StorageException failure(String method, String key, int status, String body) {
        Matcher message = MESSAGE.matcher(body == null ? "" : body);
        return new StorageException("S3 " + method + " of " + key + " in bucket " + bucket + " answered " + status + " "
                + code(body) + (message.find() ? ": " + message.group(1) : ""));
    }

    private static String code(String body) {
        Matcher code = CODE.matcher(body == null ? "" : body);
        return code.find() ? code.group(1) : "";
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readNBytes(8 * 1024), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static void require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ambiosys.files.storage=s3 needs " + setting);
        }
    }
}
