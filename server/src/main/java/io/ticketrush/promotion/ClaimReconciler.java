package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.CampaignRows;
import io.ticketrush.promotion.persistence.CouponRows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares each live campaign in Redis with PostgreSQL, at start-up and on a schedule (one instance
 * at a time), and repairs: coupons Redis issued that are neither stored nor waiting in the stream
 * are stored from the fans hash; a campaign Redis lost (or lost the last writes of) is restored from
 * PostgreSQL so no number is issued twice. A campaign over for {@code settle-after}, with every
 * coupon stored, is settled.
 */
@Component
public class ClaimReconciler {

    private static final Log log = LogFactory.getLog(ClaimReconciler.class);
    private static final int RESTORE_CHUNK = 1000;

    /** What one pass repaired. */
    public record Repairs(int storedInPostgres, int restoredInRedis, int settled) {
        Repairs plus(Repairs o) {
            return new Repairs(storedInPostgres + o.storedInPostgres, restoredInRedis + o.restoredInRedis, settled + o.settled);
        }
    }

    private final ClaimGate gate;
    private final ClaimStream stream;
    private final CampaignRows campaigns;
    private final CouponRows coupons;
    private final LiveCampaigns live;
    private final PromotionSettings settings;
    private final PromotionMetrics metrics;
    private final Clock clock;

    ClaimReconciler(ClaimGate gate, ClaimStream stream, CampaignRows campaigns, CouponRows coupons, LiveCampaigns live,
            PromotionSettings settings, PromotionMetrics metrics, Clock clock) {
        this.gate = gate;
        this.stream = stream;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.live = live;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Coupon reconciliation at start-up failed; the schedule retries: " + e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${ticketrush.promotion.reconcile-interval:PT30S}",
            initialDelayString = "${ticketrush.promotion.reconcile-interval:PT30S}")
    @SchedulerLock(name = "promotion-claim-reconciler", lockAtMostFor = "PT5M")
    public void reconcileScheduled() {
        reconcile();
    }

    public Repairs reconcile() {
        Repairs total = new Repairs(0, 0, 0);
        for (CouponCampaign campaign : campaigns.unsettled()) {
            total = total.plus(reconcile(campaign));
        }
        if (total.storedInPostgres() + total.restoredInRedis() > 0) {
            log.warn("Coupon reconciliation repaired " + total);
        }
        return total;
    }

    Repairs reconcile(CouponCampaign campaign) {
        OptionalInt known = gate.issued(campaign.id());
        if (known.isEmpty()) {
            int restored = restore(campaign);
            metrics.repaired("redis-restored", restored);
            return new Repairs(0, restored, 0);
        }
        int issued = known.getAsInt();
        int stored = coupons.count(campaign.id());
        int restored = 0;
        int repaired = 0;
        if (stored > issued) {
            // Redis lost its last writes: raise its counter first, then give back what PostgreSQL has
            int maxSeq = coupons.maxSeq(campaign.id());
            gate.restore(campaign, List.of(), maxSeq, false);
            restored = mergeStoredAfter(campaign, issued);
            metrics.repaired("redis-behind", restored);
        }
        ClaimStream.Backlog backlog = stream.backlog(campaign.id(), clock.instant());
        if (stored + backlog.entries() < issued) {
            // issued coupons neither stored nor waiting in the stream: the stream lost them
            repaired = storeMissing(campaign);
            metrics.repaired("postgres-missing", repaired);
        }
        int settled = settleIfOver(campaign, clock.instant()) ? 1 : 0;
        return new Repairs(repaired, restored, settled);
    }

    /**
     * Opens a campaign Redis does not know (new, or lost): every stored coupon first, then the meta
     * hash that lets claims in, with the counter at the highest stored number. Returns coupons merged.
     */
    int restore(CouponCampaign campaign) {
        int merged = mergeStoredAfter(campaign, 0);
        gate.restore(campaign, List.of(), coupons.maxSeq(campaign.id()), true);
        stream.ensureGroup(campaign.id());
        return merged;
    }

    private int mergeStoredAfter(CouponCampaign campaign, int seq) {
        int added = 0;
        int after = seq;
        List<IssuedCoupon> chunk;
        do {
            chunk = coupons.issuedAfter(campaign.id(), after, RESTORE_CHUNK);
            if (!chunk.isEmpty()) {
                added += gate.restore(campaign, chunk, 0, false);
                after = chunk.getLast().seq();
            }
        } while (chunk.size() == RESTORE_CHUNK);
        return added;
    }

    private int storeMissing(CouponCampaign campaign) {
        List<IssuedCoupon> inRedis = gate.all(campaign.id());
        Set<java.util.UUID> present = coupons.stored(inRedis.stream().map(IssuedCoupon::couponId).toList());
        List<IssuedCoupon> missing = inRedis.stream().filter(c -> !present.contains(c.couponId())).toList();
        return coupons.storeAll(missing);
    }

    private boolean settleIfOver(CouponCampaign campaign, Instant now) {
        if (now.isBefore(campaign.endsAt().plus(settings.settleAfter()))) {
            return false;
        }
        OptionalInt issued = gate.issued(campaign.id());
        int stored = coupons.count(campaign.id());
        if (issued.isEmpty() || issued.getAsInt() != stored || stream.backlog(campaign.id(), now).entries() > 0) {
            return false;
        }
        if (campaigns.settle(campaign.id(), stored, now)) {
            gate.expire(campaign.id(), settings.keepRedisFor());
            live.settled(campaign.id());
            return true;
        }
        return false;
    }
}
