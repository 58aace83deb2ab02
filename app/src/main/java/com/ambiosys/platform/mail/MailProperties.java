package com.ambiosys.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** SMTP settings; with no host, emails are not sent and a warning says so. */
@ConfigurationProperties("ambiosys.smtp")
public record MailProperties(String host, @DefaultValue("587") int port, String username, String password,
        @DefaultValue("true") boolean starttls, @DefaultValue("AmbioSys <no-reply@ambiosys.local>") String from) {
}
