package com.ambiosys.inbox.web;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;

import com.ambiosys.inbox.WhatsAppIngest;
import com.ambiosys.platform.web.ProblemWriter;
import com.ambiosys.platform.web.RequestIdFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The lean path of Meta's deliveries, {@code POST /webhooks/whatsapp}: answered here, first of the filters,
 * instead of through the security filter chain, the request observation and Spring MVC, which cost more CPU
 * than storing the message (a profile at 400 messages/s: three fifths of a webhook's request thread). Nothing
 * there applies to it: it is public (the signature over the body authenticates it, checked by
 * {@link WhatsAppIngest}), has no user, session, CORS or page, and answers with a status only. What it keeps:
 * the request id (log context and {@code X-Request-Id}), the body size limit (413), the answers of
 * {@link WhatsAppWebhookController} (401 unsigned or unknown channel, 200 once committed, 503 with
 * {@code Retry-After} when the database cannot take it, 500 otherwise) and a timer,
 * {@code ambiosys.inbox.webhook} by status, in place of {@code http.server.requests}. Every other request,
 * the verification handshake included, goes down the chain as before.
 */
class WhatsAppWebhookFilter extends HttpFilter {

    static final String PATH = "/webhooks/whatsapp";

    private final WhatsAppIngest ingest;
    private final ProblemWriter problems;
    private final long maxBytes;
    private final MeterRegistry meters;
    private final Timer ok;

    WhatsAppWebhookFilter(WhatsAppIngest ingest, ProblemWriter problems, long maxBytes, MeterRegistry meters) {
        this.ingest = ingest;
        this.problems = problems;
        this.maxBytes = maxBytes;
        this.meters = meters;
        this.ok = timer(200);
    }

    private Timer timer(int status) {
        return Timer.builder("ambiosys.inbox.webhook").description("WhatsApp webhook deliveries answered, by status")
            .tag("status", Integer.toString(status)).register(meters);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || !isWebhook(request)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        RequestIdFilter.begin(request, response);
        int status;
        try {
            status = answer(request, response);
        }
        finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
        (status == 200 ? ok : timer(status)).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private boolean isWebhook(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.length() == context.length() + PATH.length() && uri.startsWith(context) && uri.endsWith(PATH);
    }

    private int answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.writeTooLarge(request, response, maxBytes);
            return 413;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) { // no Content-Length (chunked) and over the limit
            problems.writeTooLarge(request, response, maxBytes);
            return 413;
        }
        int status;
        try {
            status = WhatsAppWebhookController.receive(ingest, body, request.getHeader("X-Hub-Signature-256"));
        }
        catch (RuntimeException ex) {
            WhatsAppWebhookController.log.error("Unhandled error", ex);
            problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
            return 500;
        }
        response.setStatus(status);
        if (status == 503) {
            response.setHeader("Retry-After", WhatsAppWebhookController.RETRY_AFTER_SECONDS);
        }
        response.setContentLength(0);
        return status;
    }
}
