package com.ambiosys.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of API reads ({@code GET /api/...}) run at once and has the others wait their turn,
 * first come first served. The database runs on the same few cores as the application: beyond about two
 * reads per core, more at once do not finish sooner, they time-slice, and every hand-off between the JVM and
 * PostgreSQL (several per request) waits behind all the others. Taking turns keeps throughput and cuts the
 * slow tail (docs/performance-history.md, "admission"). Writes are not limited (they may wait on the outside world, such
 * as Meta's API), nor are streams and downloads (the inbox's SSE, files, exports), which wait on the network.
 * A read that waits longer than the queue timeout gets a 503 problem with {@code Retry-After}.
 */
class ReadAdmissionFilter extends OncePerRequestFilter {

    private static final List<String> NOT_LIMITED = List.of("/api/v1/inbox/stream", "/api/v1/files/download/",
            "/api/v1/customers/export");

    private final Semaphore permits;
    private final long timeoutNanos;
    private final ProblemWriter problems;

    /** {@code concurrency}: reads at once (0: twice the processors); {@code timeout}: the longest wait. */
    ReadAdmissionFilter(int concurrency, Duration timeout, ProblemWriter problems) {
        this.permits = new Semaphore(concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors(), true);
        this.timeoutNanos = timeout.toNanos();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith("/api/")) {
            return true;
        }
        for (String prefix : NOT_LIMITED) {
            if (uri.startsWith(prefix)) {
                return true;
            }
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy");
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.release();
        }
    }

    /** Reads that could start now without waiting. */
    int available() {
        return permits.availablePermits();
    }

    /** Reads waiting for their turn. */
    int waiting() {
        return permits.getQueueLength();
    }
}
