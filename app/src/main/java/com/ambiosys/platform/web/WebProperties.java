package com.ambiosys.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where users reach the product (links in emails)
 * @param corsOrigins browser origins allowed to call the API from another address
 * @param maxRequestBytes largest request body accepted outside file uploads
 */
@ConfigurationProperties("ambiosys.web")
public record WebProperties(@DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("http://localhost:8080") List<String> corsOrigins,
        @DefaultValue("1048576") long maxRequestBytes) {
}
