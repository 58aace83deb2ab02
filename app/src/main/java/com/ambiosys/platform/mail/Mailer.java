package com.ambiosys.platform.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Sends plain-text emails. Call it after the transaction that decided to send has committed. */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSenderImpl sender;
    private final String from;

    Mailer(MailProperties props) {
        this.from = props.from();
        if (StringUtils.hasText(props.host())) {
            sender = new JavaMailSenderImpl();
            sender.setHost(props.host());
            sender.setPort(props.port());
            sender.setUsername(props.username());
            sender.setPassword(props.password());
            sender.setDefaultEncoding("UTF-8");
            Properties javaMail = sender.getJavaMailProperties();
            javaMail.put("mail.smtp.auth", String.valueOf(StringUtils.hasText(props.username())));
            javaMail.put("mail.smtp.starttls.enable", String.valueOf(props.starttls()));
            javaMail.put("mail.smtp.connectiontimeout", "10000");
            javaMail.put("mail.smtp.timeout", "10000");
        }
        else {
            sender = null;
        }
    }

    /** Whether an SMTP server is configured at all (without one, no email leaves). */
    public boolean configured() {
        return sender != null;
    }

    /** Returns false (and logs why) when the mail could not be handed to the SMTP server. */
    public boolean send(String to, String subject, String body) {
        if (sender == null) {
            log.warn("Email to {} with subject '{}' not sent: no SMTP server configured (AMBIOSYS_SMTP_HOST)", to, subject);
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            return true;
        }
        catch (MessagingException | MailException ex) {
            log.warn("Email to {} with subject '{}' failed: {}", to, subject, ex.getMessage());
            return false;
        }
    }
}
