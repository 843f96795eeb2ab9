package io.ticketrush.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.queue.persistence.LineEpochMarks;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.shared.RedisEpoch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices, on every instance, that Redis lost the waiting room's lines or came back from an older copy
 * (the epoch marker, see {@link RedisEpoch}); the gatekeeper admits nobody on this instance meanwhile,
 * so the cap on active shoppers is not overrun by fans Redis forgot. The repair puts every fan with a
 * live hold in PostgreSQL back among the active shoppers (they keep their admission and can pay); the
 * waiting fans' places cannot be rebuilt (PostgreSQL never had them): they join again. Then admission
 * resumes. A line lost before its opening is drawn again from the same committed seed.
 */
@Component
public class LineEpoch {

    private static final Log log = LogFactory.getLog(LineEpoch.class);

    /** What a repair did. */
    public record Repaired(long epoch, int lines, int shoppersRestored) {
    }

    private final LineEpochMarks marks;
    private final QueuedSales sales;
    private final SeatHolds holds;
    private final Lines lines;
    private final WaitingRoomSettings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicBoolean repairing = new AtomicBoolean();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    LineEpoch(LineEpochMarks marks, QueuedSales sales, SeatHolds holds, Lines lines, WaitingRoomSettings settings, Clock clock,
            MeterRegistry registry) {
        this.marks = marks;
        this.sales = sales;
        this.holds = holds;
        this.lines = lines;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("ticketrush.redis.repairing", repairing, r -> r.get() ? 1 : 0).tag("part", "queue")
                .description("1 while this instance pauses work because Redis lost data and is being repaired")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        watchScheduled();
    }

    @Scheduled(fixedDelayString = "${ticketrush.queue.epoch-check:PT2S}", initialDelayString = "${ticketrush.queue.epoch-check:PT2S}")
    public void watchScheduled() {
        try {
            if (check().needsRepair()) {
                repair();
            }
            if (unreachable.compareAndSet(true, false)) {
                log.info("Waiting-room epoch check works again");
            }
        } catch (DataAccessException e) {
            if (unreachable.compareAndSet(false, true)) {
                log.warn("Waiting-room epoch check failed (Redis or PostgreSQL unreachable?); it retries: " + e.getMessage());
            }
        }
    }

    /** Compares the marker with PostgreSQL; pauses admission if Redis lost data, resumes if someone repaired it. */
    public RedisEpoch check() {
        RedisEpoch epoch = marks.look();
        switch (epoch) {
            case RedisEpoch.First first -> marks.raise(first.marker() == null ? 1 : first.marker(), clock.instant());
            case RedisEpoch.Intact intact -> {
                if (repairing.compareAndSet(true, false)) {
                    log.warn("Admission resumes: another instance repaired the lines (epoch " + intact.marker() + ")");
                }
                marks.advance(intact.marker(), clock.instant());
            }
            case RedisEpoch.Lost lost -> paused("Redis lost the waiting room (no epoch marker; PostgreSQL recorded "
                    + lost.recorded() + ")", "lost");
            case RedisEpoch.Older older -> paused("Redis came back from an older copy of the waiting room (epoch "
                    + older.marker() + ", PostgreSQL recorded " + older.recorded() + ")", "older");
        }
        return epoch;
    }

    /** Restores, for every live line, the fans who hold seats; then admission resumes. */
    public Repaired repair() {
        repairing.set(true);
        long started = System.nanoTime();
        long epoch = marks.next(clock.instant());
        int count = 0;
        int restored = 0;
        for (UUID eventId : sales.live()) {
            restored += lines.restoreShoppers(eventId, shoppers(holds.liveOfEvent(eventId)));
            count++;
        }
        long at = marks.raise(epoch, clock.instant());
        repairing.set(false);
        Counter.builder("ticketrush.redis.repairs").tag("part", "queue").description("Repairs of Redis from PostgreSQL")
                .register(registry).increment();
        log.warn(("Admission resumes: %d line(s) repaired, %d shopper(s) with live holds restored, in %d ms (epoch %d); "
                + "fans who were waiting join again").formatted(count, restored, (System.nanoTime() - started) / 1_000_000, at));
        return new Repaired(at, count, restored);
    }

    /** The gatekeeper admits nobody while this is true. */
    public boolean repairing() {
        return repairing.get();
    }

    /** One shopper per fan: admitted no later than their first live hold, active until their last one ends. */
    private List<Lines.Shopper> shoppers(List<Hold> live) {
        Map<UUID, Lines.Shopper> byFan = new LinkedHashMap<>();
        long grace = settings.holdAttemptGrace().toMillis();
        for (Hold h : live) {
            Lines.Shopper s = new Lines.Shopper(h.userId(), h.createdAt().toEpochMilli(), h.expiresAt().toEpochMilli() + grace);
            byFan.merge(h.userId(), s, (a, b) -> new Lines.Shopper(a.fanId(), Math.min(a.admittedAtMillis(), b.admittedAtMillis()),
                    Math.max(a.untilMillis(), b.untilMillis())));
        }
        return new ArrayList<>(byFan.values());
    }

    private void paused(String why, String kind) {
        if (repairing.compareAndSet(false, true)) {
            log.warn(why + ": admission pauses until the shoppers with live holds are restored from PostgreSQL");
            Counter.builder("ticketrush.redis.losses").tag("part", "queue").tag("kind", kind)
                    .description("Times an instance found Redis had lost data").register(registry).increment();
        }
    }
}
