package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.CampaignRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * A fan claims a coupon: one script call in Redis decides and records it (no database on the
 * path); the stream writer stores it in PostgreSQL moments later. Losers get 409 sold-out,
 * already-claimed or campaign-not-active; while Redis is repaired after losing data, 503 coupons-paused.
 */
@Component
public class ClaimCoupon {

    public record Claimed(UUID couponId, UUID campaignId, Discount discount, int seq, int fanSeq, Instant claimedAt) {
    }

    private final ClaimGate gate;
    private final CampaignRows campaigns;
    private final ClaimReconciler reconciler;
    private final ClaimWriter writer;
    private final ClaimEpoch epoch;
    private final PromotionMetrics metrics;
    private final Clock clock;
    private final ConcurrentMap<UUID, Object> restoring = new ConcurrentHashMap<>();

    ClaimCoupon(ClaimGate gate, CampaignRows campaigns, ClaimReconciler reconciler, ClaimWriter writer,
            ClaimEpoch epoch, PromotionMetrics metrics, Clock clock) {
        this.gate = gate;
        this.campaigns = campaigns;
        this.reconciler = reconciler;
        this.writer = writer;
        this.epoch = epoch;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Claimed claim(UUID campaignId, UUID userId) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            Claimed claimed = attempt(campaignId, userId);
            outcome = "issued";
            return claimed;
        } catch (DomainException e) {
            outcome = e.code();
            throw e;
        } finally {
            metrics.claimed(outcome);
            metrics.claimTimer().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Claimed attempt(UUID campaignId, UUID userId) {
        epoch.checkOpen();
        UUID couponId = Ids.next();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ClaimGate.Outcome outcome = gate.claim(campaignId, userId, couponId, now);
        if ("unknown-campaign".equals(outcome.outcome())) {
            CouponCampaign campaign = campaigns.find(campaignId).orElseThrow(CouponCampaigns::unknown);
            if (campaign.settled() || campaign.statusAt(now) != CampaignStatus.ACTIVE) {
                throw notActive();
            }
            restore(campaign);
            outcome = gate.claim(campaignId, userId, couponId, now);
        }
        return switch (outcome.outcome()) {
            case "issued" -> {
                writer.wakeUp();
                yield new Claimed(couponId, campaignId, java.util.Objects.requireNonNull(outcome.discount()),
                        outcome.seq(), outcome.fanSeq(), now);
            }
            case "sold-out" -> throw DomainException.conflict("sold-out", "All coupons of this campaign are gone");
            case "already-claimed" -> throw DomainException.conflict("already-claimed",
                    "You already hold as many coupons of this campaign as one person may");
            case "campaign-not-active" -> throw notActive();
            default -> throw new IllegalStateException("Unexpected claim outcome " + outcome.outcome());
        };
    }

    /** Redis lost the campaign: one thread per instance puts it back from PostgreSQL, the others wait. */
    private void restore(CouponCampaign campaign) {
        Object lock = restoring.computeIfAbsent(campaign.id(), id -> new Object());
        synchronized (lock) {
            if (gate.issued(campaign.id()).isEmpty()) {
                reconciler.restore(campaign);
            }
        }
        restoring.remove(campaign.id(), lock);
    }

    private static DomainException notActive() {
        return DomainException.conflict("campaign-not-active", "This campaign is not open for claims");
    }
}
