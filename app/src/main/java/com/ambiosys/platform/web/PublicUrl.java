package com.ambiosys.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where users reach the product (the start-up banner, links in emails): {@code ambiosys.web.public-url} when it is
 * set; otherwise this server on the port it listens on, which {@code --server.port} or {@code SERVER_PORT} may have
 * moved from 8080.
 */
@Component
public class PublicUrl {

    private final WebProperties web;
    private final Environment environment;

    PublicUrl(WebProperties web, Environment environment) {
        this.web = web;
        this.environment = environment;
    }

    /** The address, without a trailing slash. */
    public String value() {
        if (StringUtils.hasText(web.publicUrl())) {
            return web.publicUrl().trim().replaceAll("/+$", "");
        }
        // the port the server listens on once it is started (a port of 0 is chosen then); the configured one before
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}
