package com.ambiosys.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where users reach the product (links in emails, the start-up banner); empty: this server on the
 *        port it listens on ({@link PublicUrl})
 * @param corsOrigins browser origins allowed to call the API from another address
 * @param maxRequestBytes largest request body accepted outside file uploads
 * @param concurrentReads API reads (GET) served at once, the others wait their turn; 0: twice the processors
 * @param readQueueTimeout longest a read waits for its turn before a 503
 */
@ConfigurationProperties("ambiosys.web")
public record WebProperties(@DefaultValue("") String publicUrl,
        @DefaultValue("http://localhost:8080") List<String> corsOrigins,
        @DefaultValue("1048576") long maxRequestBytes, @DefaultValue("0") int concurrentReads,
        @DefaultValue("10s") Duration readQueueTimeout) {

    public WebProperties {
        publicUrl = publicUrl == null ? "" : publicUrl;
    }
}
