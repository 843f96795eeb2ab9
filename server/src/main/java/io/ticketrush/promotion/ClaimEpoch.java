package io.ticketrush.promotion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.promotion.persistence.CampaignRows;
import io.ticketrush.promotion.persistence.StockEpochMarks;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.RedisEpoch;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices, on every instance, that Redis lost the coupon stock or came back from an older copy (the
 * epoch marker, see {@link RedisEpoch}); pauses claims on this instance (503 {@code coupons-paused})
 * until the stock is rebuilt from the coupons stored in PostgreSQL; rebuilds it; resumes. The check is
 * one PostgreSQL read, one Redis read and one small script every {@code ticketrush.promotion.epoch-check}.
 */
@Component
public class ClaimEpoch {

    private static final Log log = LogFactory.getLog(ClaimEpoch.class);
    private static final int RETRY_AFTER_SECONDS = 2;

    /** What a repair did. */
    public record Repaired(long epoch, int campaigns, int couponsPutBack) {
    }

    private final StockEpochMarks marks;
    private final CampaignRows campaigns;
    private final ClaimReconciler reconciler;
    private final Clock clock;
    private final AtomicBoolean repairing = new AtomicBoolean();
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final MeterRegistry registry;

    ClaimEpoch(StockEpochMarks marks, CampaignRows campaigns, ClaimReconciler reconciler, Clock clock, MeterRegistry registry) {
        this.marks = marks;
        this.campaigns = campaigns;
        this.reconciler = reconciler;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("ticketrush.redis.repairing", repairing, r -> r.get() ? 1 : 0).tag("part", "coupons")
                .description("1 while this instance pauses work because Redis lost data and is being repaired")
                .register(registry);
    }

    /** Before the start-up reconciliation: a Redis lost while every instance was down is noticed first. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void atStartUp() {
        watchScheduled();
    }

    @Scheduled(fixedDelayString = "${ticketrush.promotion.epoch-check:PT2S}",
            initialDelayString = "${ticketrush.promotion.epoch-check:PT2S}")
    public void watchScheduled() {
        try {
            if (check().needsRepair()) {
                repair();
            }
            if (unreachable.compareAndSet(true, false)) {
                log.info("Coupon stock epoch check works again");
            }
        } catch (DataAccessException e) {
            if (unreachable.compareAndSet(false, true)) {
                log.warn("Coupon stock epoch check failed (Redis or PostgreSQL unreachable?); it retries: " + e.getMessage());
            }
        }
    }

    /** Compares the marker with PostgreSQL; pauses claims if Redis lost data, resumes if someone repaired it. */
    public RedisEpoch check() {
        RedisEpoch epoch = marks.look();
        switch (epoch) {
            case RedisEpoch.First first -> marks.raise(first.marker() == null ? 1 : first.marker(), clock.instant());
            case RedisEpoch.Intact intact -> {
                if (repairing.compareAndSet(true, false)) {
                    log.warn("Coupon claims resume: another instance repaired the stock (epoch " + intact.marker() + ")");
                }
                marks.advance(intact.marker(), clock.instant());
            }
            case RedisEpoch.Lost lost -> paused("Redis lost the coupon stock (no epoch marker; PostgreSQL recorded "
                    + lost.recorded() + ")", "lost");
            case RedisEpoch.Older older -> paused("Redis came back from an older copy (epoch " + older.marker()
                    + ", PostgreSQL recorded " + older.recorded() + ")", "older");
        }
        return epoch;
    }

    /**
     * Rebuilds every unsettled campaign from PostgreSQL: each stored coupon is put back in the fans hash
     * (so nobody claims past the per-person limit again), the issued counter is raised to the highest
     * stored number (so no number is issued twice), a campaign Redis lost is opened again; then the usual
     * reconciliation stores what Redis issued and PostgreSQL lacks. Resumes claims.
     */
    public Repaired repair() {
        repairing.set(true);
        long started = System.nanoTime();
        long epoch = marks.next(clock.instant());
        int count = 0;
        int putBack = 0;
        for (CouponCampaign campaign : campaigns.unsettled()) {
            putBack += reconciler.restore(campaign);
            reconciler.reconcile(campaign);
            count++;
        }
        long at = marks.raise(epoch, clock.instant());
        repairing.set(false);
        Counter.builder("ticketrush.redis.repairs").tag("part", "coupons").description("Repairs of Redis from PostgreSQL")
                .register(registry).increment();
        log.warn("Coupon claims resume: rebuilt %d campaign(s) from PostgreSQL, %d coupon(s) put back in Redis, in %d ms (epoch %d)"
                .formatted(count, putBack, (System.nanoTime() - started) / 1_000_000, at));
        return new Repaired(at, count, putBack);
    }

    /** Claims wait while the stock is being repaired. */
    void checkOpen() {
        if (repairing.get()) {
            throw new DomainException(503, "coupons-paused",
                    "Coupon claims are paused for a moment while the coupon stock is checked; try again shortly")
                    .with("retryAfterSeconds", RETRY_AFTER_SECONDS);
        }
    }

    public boolean repairing() {
        return repairing.get();
    }

    private void paused(String why, String kind) {
        if (repairing.compareAndSet(false, true)) {
            log.warn(why + ": coupon claims pause until the stock is rebuilt from PostgreSQL");
            Counter.builder("ticketrush.redis.losses").tag("part", "coupons").tag("kind", kind)
                    .description("Times an instance found Redis had lost data").register(registry).increment();
        }
    }
}
