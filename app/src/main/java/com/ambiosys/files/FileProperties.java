package com.ambiosys.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param localDir where the local storage keeps the bytes
 * @param maxSize the largest file accepted
 * @param allowedTypes media types accepted, as detected from the content (not as the client claims)
 * @param linkTtl how long a signed download link works
 */
@ConfigurationProperties("ambiosys.files")
public record FileProperties(@DefaultValue("./data/files") Path localDir,
        @DefaultValue("25MB") DataSize maxSize,
        @DefaultValue({ "application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif", "image/heic",
                "text/plain", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
                "application/msword", "audio/ogg", "audio/mpeg", "audio/mp4", "video/mp4" }) List<String> allowedTypes,
        @DefaultValue("5m") Duration linkTtl) {
}
