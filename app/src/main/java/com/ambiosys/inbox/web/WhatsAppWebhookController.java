package com.ambiosys.inbox.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.WhatsAppIngest;
import com.ambiosys.platform.security.PublicEndpoint;

/**
 * {@code /webhooks/whatsapp}: Meta's verification handshake and its deliveries. Public (Meta has no
 * user); a POST is authenticated by {@code X-Hub-Signature-256}. 200 only after the messages are
 * committed; 503 when the database cannot take them, so that Meta retries.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
@PublicEndpoint
class WhatsAppWebhookController {

    static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    /** When Meta should try a delivery again that was answered 503. */
    static final String RETRY_AFTER_SECONDS = "30";

    private final WhatsAppIngest ingest;

    WhatsAppWebhookController(WhatsAppIngest ingest) {
        this.ingest = ingest;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if ("subscribe".equals(mode) && challenge != null && ingest.verifyTokenKnown(token)) {
            return ResponseEntity.ok(challenge);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("");
    }

    /** Served by {@link WhatsAppWebhookFilter} before the filter chain; this mapping answers the same if it is bypassed. */
    @PostMapping
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        int status = receive(ingest, body, signature);
        return status == 503 ? ResponseEntity.status(status).header("Retry-After", RETRY_AFTER_SECONDS).build()
                : ResponseEntity.status(status).build();
    }

    /** 401 unsigned, badly signed or for an unknown channel; 200 once committed; 503 when the database cannot take it. */
    static int receive(WhatsAppIngest ingest, byte[] body, String signature) {
        if (body == null || body.length == 0) {
            return 401;
        }
        try {
            WhatsAppIngest.Result result = ingest.ingest(body, signature);
            return result.outcome() == WhatsAppIngest.Outcome.UNAUTHORIZED ? 401 : 200;
        }
        catch (DataAccessException | TransactionException ex) {
            log.error("WhatsApp webhook not stored, answering 503 so that Meta retries", ex);
            return 503;
        }
    }
}
