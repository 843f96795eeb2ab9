package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.CouponRows;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores issued coupons in PostgreSQL from the campaigns' Redis Streams, as one consumer of the
 * writers' group (every instance runs one). A batch is stored with one idempotent INSERT, then
 * acknowledged and deleted; a crash in between leaves the entries pending, and another writer takes
 * them over after {@code pending-idle-timeout} (XAUTOCLAIM) and stores them again harmlessly.
 * A claim on this instance wakes the writer; otherwise it looks again after {@code writer-idle-pause}.
 */
@Component
public class ClaimWriter implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ClaimWriter.class);

    private final ClaimStream stream;
    private final CouponRows coupons;
    private final LiveCampaigns live;
    private final PromotionSettings settings;
    private final PromotionMetrics metrics;
    private final Clock clock;
    private final String consumer = "writer-" + Ids.next();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    ClaimWriter(ClaimStream stream, CouponRows coupons, LiveCampaigns live, PromotionSettings settings,
            PromotionMetrics metrics, Clock clock) {
        this.stream = stream;
        this.coupons = coupons;
        this.live = live;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.writerEnabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("coupon-claim-writer").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A coupon was just issued on this instance: look now rather than after the idle pause. */
    void wakeUp() {
        wake.release();
    }

    private void run() {
        long lastReclaim = System.nanoTime();
        long lastSample = 0;
        boolean ownPendingDone = false;
        while (running) {
            try {
                int stored = 0;
                if (!ownPendingDone) {
                    stored += storeOwnPending(); // left by this writer's last stop between reading and storing
                    ownPendingDone = true;
                }
                for (UUID campaignId : live.ids()) {
                    stored += storeNew(campaignId);
                }
                if (System.nanoTime() - lastReclaim > settings.pendingIdleTimeout().toNanos() / 2) {
                    stored += takeOverPending(settings.pendingIdleTimeout());
                    lastReclaim = System.nanoTime();
                }
                if (System.nanoTime() - lastSample > 1_000_000_000L) {
                    metrics.backlog(backlog());
                    lastSample = System.nanoTime();
                }
                if (stored == 0) {
                    wake.tryAcquire(settings.writerIdlePause().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Coupon writer round failed; retrying in a second: " + e.getMessage());
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Stores the entries no writer has seen yet, batch by batch; returns how many coupons were new. */
    int storeNew(UUID campaignId) {
        int stored = 0;
        List<ClaimStream.Entry> batch;
        do {
            batch = stream.readNew(campaignId, consumer, settings.writeBatch());
            stored += store(campaignId, batch);
        } while (batch.size() == settings.writeBatch() && running);
        return stored;
    }

    private int storeOwnPending() {
        int stored = 0;
        for (UUID campaignId : live.ids()) {
            List<ClaimStream.Entry> batch;
            do {
                batch = stream.readOwnPending(campaignId, consumer, settings.writeBatch());
                stored += store(campaignId, batch);
            } while (batch.size() == settings.writeBatch() && running);
        }
        return stored;
    }

    /**
     * Takes over entries other writers read and did not acknowledge for {@code minIdle} (their
     * instance died between reading and storing) and stores them; returns how many coupons were new.
     */
    public int takeOverPending(Duration minIdle) {
        int stored = 0;
        for (UUID campaignId : live.ids()) {
            List<ClaimStream.Entry> batch;
            do {
                batch = stream.reclaim(campaignId, consumer, minIdle, settings.writeBatch());
                metrics.redelivered(batch.size());
                stored += store(campaignId, batch);
            } while (batch.size() == settings.writeBatch());
        }
        return stored;
    }

    /** Claims waiting in all live campaigns' streams. */
    public ClaimStream.Backlog backlog() {
        Instant now = clock.instant();
        ClaimStream.Backlog total = ClaimStream.Backlog.NONE;
        for (UUID campaignId : live.ids()) {
            total = total.plus(stream.backlog(campaignId, now));
        }
        return total;
    }

    private int store(UUID campaignId, List<ClaimStream.Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<IssuedCoupon> batch = entries.stream().map(ClaimStream.Entry::coupon).toList();
        int inserted = coupons.storeAll(batch);
        if (inserted < batch.size()) {
            checkConflicts(batch);
        }
        stream.acknowledge(campaignId, entries);
        Instant now = clock.instant();
        metrics.stored(inserted);
        for (IssuedCoupon c : batch) {
            metrics.storeDelay(Duration.between(c.claimedAt(), now));
        }
        return inserted;
    }

    /** Entries already stored are repeats; a coupon missing after the insert lost its number to another. */
    private void checkConflicts(List<IssuedCoupon> batch) {
        Set<UUID> present = coupons.stored(batch.stream().map(IssuedCoupon::couponId).toList());
        List<IssuedCoupon> refused = new ArrayList<>();
        batch.stream().filter(c -> !present.contains(c.couponId())).forEach(refused::add);
        if (!refused.isEmpty()) {
            metrics.conflict(refused.size());
            log.error("PostgreSQL refused %d issued coupons whose numbers are taken (did Redis lose data?): %s"
                    .formatted(refused.size(), refused));
        }
    }
}
