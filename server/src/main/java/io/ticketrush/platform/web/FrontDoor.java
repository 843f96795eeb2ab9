package io.ticketrush.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.queue.AdmissionTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding at the door: at most {@code ticketrush.front-door.max-in-flight} requests are
 * worked on at once on this instance; the next ones wait up to {@code max-wait} for a turn and are
 * otherwise answered 503 {@code busy} with {@code Retry-After}, before any work is done. So is a
 * request that already waited {@code max-queue-wait} for a thread ({@link RequestThreads}).
 *
 * <p>Why: with virtual threads the server accepts every request a crowd sends. Past what the cores
 * can serve, more concurrency only adds waiting, every request gets slower, clients time out and
 * retry, and the work done for a request nobody waits for any more is wasted. Turned away at once, a
 * client retries after {@code Retry-After} and everyone else is served at full speed.
 *
 * <p>Who is never turned away here:
 * <ul>
 *   <li>the waiting room's own calls ({@code /events/{id}/queue…}, the API and the page's twins):
 *       the line is the load shedding of a sale, and a join or a look at one's place is one Redis
 *       script, as cheap as the refusal itself (a 503 also costs the client's reconnection, since
 *       Tomcat closes the connection after it). Turning joins away made the place in line a lottery
 *       of retries instead of first come, first served: in the 100,000-fan rehearsal 1.35 million
 *       refusals let only 72,000 fans into the line, while with the waiting room passing all 100,000
 *       joined at the first try and the sale sold out in 166 s instead of 377 s (docs/performance.md);</li>
 *   <li>an admitted fan's purchase (a hold, order or payment confirmation carrying the
 *       {@code Admission-Token} header whose signature is genuine and which has not expired, checked
 *       here with one HMAC and no database or Redis; the waiting room already bounds those shoppers and
 *       the purchase bulkhead bounds the database work). A forged, garbled or expired token gets no
 *       pass: it waits for its turn like any request (and then earns a 403 from the admission guard);</li>
 *   <li>health checks ({@code /actuator/**}: an instance busy serving a crowd is not down) and the
 *       sandbox payment gateway ({@code /sandbox-pg/**}, which stands for the card company's servers).</li>
 * </ul>
 */
@Component
class FrontDoor extends OncePerRequestFilter implements Ordered {

    private static final Pattern ADMITTED_PURCHASE = Pattern.compile(
            "/api/v1/(performances/[^/]+/holds|orders|orders/[^/]+/payments/confirm)/?");
    /** The waiting room's own calls: join, place, stream, leave (the pages' twins included). */
    private static final Pattern WAITING_ROOM = Pattern.compile("(/api/v1)?/events/[^/]+/queue(/.*)?");

    private final FrontDoorSettings settings;
    private final AdmissionTokens admissions;
    private final Clock clock;
    private final Semaphore permits;
    private final Counter rejected;
    private final long retryAfterSeconds;

    FrontDoor(FrontDoorSettings settings, AdmissionTokens admissions, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.admissions = admissions;
        this.clock = clock;
        // not fair: a fair queue of hundreds of timed waiters costs more to keep than it is worth here
        this.permits = new Semaphore(Math.max(1, settings.maxInFlight()));
        this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
        this.rejected = Counter.builder("ticketrush.front.door.rejected")
                .description("Requests answered 503 busy because the instance was working on max-in-flight requests")
                .register(registry);
        Gauge.builder("ticketrush.front.door.in.flight", permits, p -> settings.maxInFlight() - p.availablePermits())
                .description("Requests being worked on (past the front door)")
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!settings.enabled()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/actuator/") || path.startsWith("/sandbox-pg/") || WAITING_ROOM.matcher(path).matches()) {
            return true;
        }
        return "POST".equals(request.getMethod()) && ADMITTED_PURCHASE.matcher(path).matches()
                && admissions.genuine(request.getHeader("Admission-Token"), clock.instant());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted = false;
        if (RequestThreads.queuedNanos() <= settings.maxQueueWait().toNanos()) {
            try {
                admitted = permits.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!admitted) {
            turnAway(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void turnAway(HttpServletResponse response) throws IOException {
        rejected.increment();
        PurchaseBulkhead.busy(response, Long.toString(retryAfter()), "The servers are busy; try again in a moment");
    }

    /**
     * Between {@code retry-after} and three times it, at random: clients turned away together must
     * not come back together (each would be turned away again, and the rejections alone would keep
     * the instance busy).
     */
    long retryAfter() {
        return retryAfterSeconds + ThreadLocalRandom.current().nextLong(2 * retryAfterSeconds + 1);
    }

    /** First of all: a request turned away costs no token check, no body parsing, no session. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }
}
