package io.ticketrush.queue;

import io.ticketrush.inventory.Availability;
import io.ticketrush.queue.persistence.LineState;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.queue.persistence.SaleRows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets fans in. Every tick, for each live line: the opening draw once the sale opens, then one
 * atomic admission step in Redis that ends expired admissions and admits the next fans in line
 * order, bounded by the outflow (a token bucket on Redis time), the cap on active shoppers, and
 * whether anything is left to sell. The step is scheduled on one instance at a time (ShedLock),
 * but it stays correct if several run at once: the bounds live in the script, not in the lock.
 */
@Component
public class Gatekeeper {

    private static final Log log = LogFactory.getLog(Gatekeeper.class);
    private static final long IDLE_RECOUNT_NANOS = 1_000_000_000L;

    private final QueuedSales sales;
    private final Lines lines;
    private final SaleRows rows;
    private final OpeningDraw draw;
    private final Availability availability;
    private final WaitingRoomSettings settings;
    private final LineEpoch epoch;
    private final QueueMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<UUID, Long> seatsCountedAt = new ConcurrentHashMap<>();

    Gatekeeper(QueuedSales sales, Lines lines, SaleRows rows, OpeningDraw draw, Availability availability,
            WaitingRoomSettings settings, LineEpoch epoch, QueueMetrics metrics, ApplicationEventPublisher events, Clock clock) {
        this.sales = sales;
        this.lines = lines;
        this.rows = rows;
        this.draw = draw;
        this.availability = availability;
        this.settings = settings;
        this.epoch = epoch;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketrush.queue.tick:PT0.2S}")
    @SchedulerLock(name = "queue-gatekeeper", lockAtMostFor = "PT5S")
    public void tickScheduled() {
        tick();
    }

    /** One step for every live line; none while Redis is being repaired after it lost data ({@link LineEpoch}). */
    public void tick() {
        if (epoch.repairing()) {
            return;
        }
        for (UUID eventId : sales.live()) {
            try {
                step(eventId);
            } catch (RedisConnectionFailureException | QueryTimeoutException e) {
                log.warn("Gatekeeper paused this tick: Redis is unreachable (" + e.getMessage() + ")");
                return; // every line would fail the same way: try again next tick
            } catch (RuntimeException e) {
                log.warn("Gatekeeper step failed for event " + eventId, e);
            }
        }
    }

    /**
     * One step for one line; empty if the line is not admitting (no queue, or the sale is over).
     * An idle line (nobody waiting or shopping) only refreshes its count of seats left, once a second.
     */
    public Optional<Lines.Admission> step(UUID eventId) {
        QueuedSale sale = sales.find(eventId).filter(s -> s.queue().enabled()).orElse(null);
        if (sale == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (sale.overAt(now)) {
            lines.expire(eventId, settings.retention());
            rows.finished(eventId, now);
            return Optional.empty();
        }
        LineState line = lines.look(eventId, null).line();
        if (sale.openAt(now) && !line.drawn()) {
            draw.run(eventId);
        }
        long nanos = System.nanoTime();
        Long counted = seatsCountedAt.get(eventId);
        boolean idle = line.waiting() == 0 && line.active() == 0 && (line.drawn() || !sale.openAt(now));
        if (idle && counted != null && nanos - counted < IDLE_RECOUNT_NANOS) {
            return Optional.of(new Lines.Admission(0, 0, 0, line.serving(), List.of()));
        }
        long seatsLeft = availability.availableSeats(sale.performanceIds());
        seatsCountedAt.put(eventId, nanos);
        Lines.Admission admission = lines.admit(eventId, now.toEpochMilli(),
                now.plus(settings.admissionWindow()).toEpochMilli(), sale.queue().outflowPerSecond(),
                sale.queue().maxActiveShoppers(), seatsLeft > 0 && sale.openAt(now), settings.maxAdmissionsPerTick(),
                settings.rateHalfLife().toMillis(), seatsLeft);
        if (admission.admitted() > 0 || admission.noShows() > 0) {
            metrics.admitted(eventId, admission.admitted(), admission.noShows());
        }
        if (admission.admitted() > 0) {
            events.publishEvent(new FansAdmitted(eventId, admission.serving() - admission.admitted() + 1,
                    admission.fanIds()));
        }
        return Optional.of(admission);
    }
}
