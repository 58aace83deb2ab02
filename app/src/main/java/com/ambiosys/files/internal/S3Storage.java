package com.ambiosys.files.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.http.ContentDisposition;

import com.ambiosys.files.FileProperties;
import com.ambiosys.files.StoredFile;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Keeps files in a bucket of any S3-compatible service (AWS S3, MinIO, Cloudflare R2, DigitalOcean
 * Spaces) through the AWS SDK's S3 client over the JDK's HTTP client (decision 0012). Every upload carries
 * the SHA-256 computed while it was received ({@code x-amz-checksum-sha256}, per part for a multipart
 * upload), so the service rejects altered bytes.
 */
public class S3Storage implements FileStorage, AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3MultipartUpload multipart;
    private final Clock clock;
    private final URI endpoint;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final long presignFrom;

    public S3Storage(FileProperties.S3 config, Clock clock) {
        require(config.bucket(), "AMBIOSYS_FILES_S3_BUCKET (ambiosys.files.s3.bucket)");
        require(config.region(), "AMBIOSYS_FILES_S3_REGION (ambiosys.files.s3.region)");
        this.endpoint = URI.create(blank(config.endpoint())
                ? "https://s3." + config.region() + ".amazonaws.com" : config.endpoint().trim());
        if (endpoint.getHost() == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalStateException("ambiosys.files.s3.endpoint must be an http(s) URL, not " + endpoint);
        }
        this.credentials = credentials(config);
        Region region = Region.of(config.region());
        this.clock = clock;
        this.bucket = config.bucket();
        String p = config.prefix() == null ? "" : config.prefix().trim().replaceAll("^/+", "");
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        this.multipartThreshold = config.multipartThreshold().toBytes();
        this.presignFrom = config.presignFrom().toBytes();
        // Checksums only where the operation needs them: the SDK's default (a CRC32 trailer in aws-chunked
        // encoding on every upload) is not spoken by every S3-compatible service; the SHA-256 we send is.
        // No chunked signing either: over plain HTTP (MinIO on a private network) the payload is signed whole.
        this.s3 = S3Client.builder().region(region).endpointOverride(endpoint).forcePathStyle(config.pathStyle())
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(config.connectTimeout())
                .socketTimeout(config.requestTimeout()))
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(config.requestTimeout()))
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
        this.presigner = S3Presigner.builder().region(region).endpointOverride(endpoint).credentialsProvider(credentials)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build())
            .build();
        this.multipart = new S3MultipartUpload(s3, bucket, config.multipartPartSize().toBytes());
    }

    /**
     * Static keys when they are configured (with a session token for temporary ones); otherwise the SDK's
     * default chain: environment, system properties, profile, web identity, container and instance roles.
     */
    static AwsCredentialsProvider credentials(FileProperties.S3 config) {
        if (blank(config.accessKey()) != blank(config.secretKey())) {
            throw new IllegalStateException("ambiosys.files.storage=s3 needs both AMBIOSYS_FILES_S3_ACCESS_KEY and "
                    + "AMBIOSYS_FILES_S3_SECRET_KEY, or neither (the default AWS credential chain)");
        }
        if (blank(config.accessKey())) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(blank(config.sessionToken())
                ? AwsBasicCredentials.create(config.accessKey(), config.secretKey())
                : AwsSessionCredentials.create(config.accessKey(), config.secretKey(), config.sessionToken()));
    }

    @Override
    public FileProperties.Storage kind() {
        return FileProperties.Storage.S3;
    }

    @Override
    public String put(String key, Path source, long size, String sha256Hex, String mediaType) {
        String objectKey = prefix + key;
        try {
            if (size >= multipartThreshold) {
                multipart.upload(objectKey, source, size, mediaType);
            }
            else {
                s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(mediaType).contentLength(size)
                    .checksumSHA256(base64(sha256Hex)), RequestBody.fromFile(source));
            }
            return objectKey;
        }
        catch (SdkException ex) {
            throw failure("PUT", objectKey, ex);
        }
    }

    @Override
    public InputStream open(String storedKey) throws NoSuchFileException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(storedKey));
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 404) {
                throw new NoSuchFileException(storedKey, null, "not in bucket " + bucket + ": " + code(ex));
            }
            throw failure("GET", storedKey, ex);
        }
        catch (SdkException ex) {
            throw failure("GET", storedKey, ex);
        }
    }

    @Override
    public void delete(String storedKey) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(storedKey));
        }
        catch (S3Exception ex) {
            if (ex.statusCode() != 404) {
                throw failure("DELETE", storedKey, ex);
            }
        }
        catch (SdkException ex) {
            throw failure("DELETE", storedKey, ex);
        }
    }

    /**
     * A presigned GET of a large file, which then downloads straight from the bucket with the same name and
     * type as through the application. Images stay on the application's links: the pages show them inline,
     * and the content security policy takes images from the application's origin only.
     */
    @Override
    public Optional<URI> directLink(String storedKey, StoredFile file, Instant expiresAt) {
        if (file.sizeBytes() < presignFrom || file.mediaType().startsWith("image/")) {
            return Optional.empty();
        }
        String disposition = ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build()
            .toString();
        // to the second, as X-Amz-Expires counts
        long millis = Duration.between(clock.instant(), expiresAt).toMillis();
        Duration ttl = Duration.ofSeconds(Math.max(1, Math.round(millis / 1000.0)));
        return Optional.of(URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
            .getObjectRequest(g -> g.bucket(bucket).key(storedKey).responseContentType(file.mediaType())
                .responseContentDisposition(disposition)))
            .url().toString()));
    }

    /** HEAD Bucket: the bucket exists and the credentials reach it. */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        }
        catch (SdkException ex) {
            throw failure("HEAD", "(bucket)", ex);
        }
    }

    public String describe() {
        return endpoint + " bucket " + bucket + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
        // the clients do not close a provider they were given; the default chain may hold a refresh thread
        if (credentials instanceof AutoCloseable closeable) {
            IoUtils.closeQuietly(closeable, null);
        }
    }

    private StorageException failure(String method, String key, SdkException ex) {
        if (ex instanceof S3Exception answer) {
            String message = answer.awsErrorDetails() == null ? null : answer.awsErrorDetails().errorMessage();
            return new StorageException("S3 " + method + " of " + key + " in bucket " + bucket + " answered "
                    + answer.statusCode() + " " + code(answer) + (message == null ? "" : ": " + message), ex);
        }
        return new StorageException("S3 " + method + " " + describe() + " failed: " + ex.getMessage(), ex);
    }

    private static String code(S3Exception ex) {
        String code = ex.awsErrorDetails() == null ? null : ex.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(String value, String setting) {
        if (blank(value)) {
            throw new IllegalStateException("ambiosys.files.storage=s3 needs " + setting);
        }
    }
}
