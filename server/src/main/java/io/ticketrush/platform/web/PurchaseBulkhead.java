package io.ticketrush.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead in front of the calls that claim inventory in the database: placing a hold and
 * placing an order. At most {@code ticketrush.bulkhead.max-concurrent} of them run at once
 * on this instance; the next ones wait up to {@code max-wait} for a turn and are otherwise
 * answered at once with 503 {@code busy} and {@code Retry-After}, before any work is done.
 *
 * <p>Why: in an overload every such call wants a database connection. Without a bound they all
 * enter, queue inside the connection pool and push the hold sweeper, the payment reconciler and
 * the event outbox (which share the pool) to the back of the queue, so expired holds come back
 * late and the overload feeds itself. With the bound below the pool size those jobs and the
 * read-only calls always find a connection, and a fan who is turned away learns it in a second
 * rather than after a timeout. In a queued sale the waiting room already bounds the shoppers;
 * this is the last line for sales without one and for a mis-tuned outflow. Payment confirmation
 * is left out on purpose: it spends most of its time waiting for the gateway with no connection
 * open, and a slow gateway must not take the turns of fans who are trying to hold seats.
 */
@Component
class PurchaseBulkhead extends OncePerRequestFilter implements Ordered {

    /**
     * POST /api/v1/performances/{id}/holds and POST /api/v1/orders; and the benchmark profile's
     * baseline holds, so that a benchmark compares the locking and nothing else.
     */
    private static final Pattern PURCHASE = Pattern.compile(
            "(/api/v1/(performances/[^/]+/holds|orders)|/benchmark/baseline/[^/]+/performances/[^/]+/holds)/?");

    private final BulkheadSettings settings;
    private final Semaphore permits;
    private final Counter rejected;

    PurchaseBulkhead(BulkheadSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.permits = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
        this.rejected = Counter.builder("ticketrush.bulkhead.rejected")
                .description("Hold and order calls answered 503 busy because the bulkhead was full")
                .register(registry);
        Gauge.builder("ticketrush.bulkhead.in.flight", permits, p -> settings.maxConcurrent() - p.availablePermits())
                .description("Hold and order calls being worked on")
                .register(registry);
    }

    static boolean isPurchase(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PURCHASE.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !isPurchase(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            rejected.increment();
            busy(response, "1", "Too many purchases at once; try again in a moment");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** 503 {@code busy} as problem+json, written without the MVC machinery (the request never got that far). */
    static void busy(HttpServletResponse response, String retryAfterSeconds, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", retryAfterSeconds);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"Busy","status":503,"code":"busy","retryAfterSeconds":%s,\
                "detail":"%s"}""".formatted(retryAfterSeconds, detail));
    }

    /** Before security: a call turned away costs no token check, no body parsing, no connection. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}
