package com.ambiosys.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param storage where new files' bytes go: {@code local} (disk under {@code localDir}) or {@code s3}
 * @param localDir where the local storage keeps the bytes
 * @param s3 the S3-compatible service, used when {@code storage} is {@code s3}
 * @param maxSize the largest file accepted
 * @param allowedTypes media types accepted, as detected from the content (not as the client claims)
 * @param linkTtl how long a signed download link works
 * @param orphanTtl how long an uploaded file may stay unattached to any owner before it is deleted
 */
@ConfigurationProperties("ambiosys.files")
public record FileProperties(@DefaultValue("local") Storage storage,
        @DefaultValue("./data/files") Path localDir,
        @DefaultValue S3 s3,
        @DefaultValue("25MB") DataSize maxSize,
        @DefaultValue({ "application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif", "image/heic",
                "text/plain", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
                "application/msword", "audio/ogg", "audio/mpeg", "audio/mp4", "video/mp4" }) List<String> allowedTypes,
        @DefaultValue("5m") Duration linkTtl,
        @DefaultValue("24h") Duration orphanTtl) {

    public enum Storage {
        LOCAL, S3
    }

    /**
     * An S3-compatible service (AWS S3, MinIO, Cloudflare R2, DigitalOcean Spaces, ...), reached through the
     * AWS SDK (decision 0012).
     *
     * @param endpoint base URL of the service; empty means AWS ({@code https://s3.<region>.amazonaws.com})
     * @param region the signing region ({@code us-east-1} for MinIO, {@code auto} for R2)
     * @param bucket the bucket, which must exist
     * @param accessKey the access key id; with {@code secretKey} empty too, the SDK's default credential chain
     *        (environment, profile, web identity, container or instance role) provides the credentials
     * @param secretKey the secret access key
     * @param sessionToken a session token that goes with temporary static keys (STS); usually empty
     * @param pathStyle {@code endpoint/bucket/key} when true, {@code bucket.endpoint/key} when false
     * @param prefix an optional key prefix, for sharing a bucket ({@code ambiosys/})
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long one request (a whole upload, or one part of it, included) may take
     * @param multipartThreshold uploads at least this large go up in parts
     * @param multipartPartSize the size of each part but the last (S3 wants at least 5 MB)
     * @param presignFrom download links of files at least this large (images aside, which the pages show
     *        inline from their own origin) are S3 presigned URLs, so the bytes do not pass through the
     *        application; the endpoint must then be reachable from the browsers
     */
    public record S3(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
            String secretKey, String sessionToken,
            @DefaultValue("true") boolean pathStyle, @DefaultValue("") String prefix,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("60s") Duration requestTimeout,
            @DefaultValue("16MB") DataSize multipartThreshold, @DefaultValue("8MB") DataSize multipartPartSize,
            @DefaultValue("10MB") DataSize presignFrom) {

        @Override
        public String toString() {
            // never print the secret (configuration reports, logs)
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", prefix=" + prefix + "]";
        }
    }
}
