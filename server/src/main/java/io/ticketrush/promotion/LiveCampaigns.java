package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.CampaignRows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The campaigns not settled yet — those whose coupons may be in Redis only — as one instance
 * knows them: read from PostgreSQL at most once a second, and updated at once for campaigns this
 * instance opens or settles.
 */
@Component
class LiveCampaigns {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final CampaignRows rows;
    private volatile List<CouponCampaign> campaigns = List.of();
    private volatile long loadedAt = System.nanoTime() - 2 * REFRESH_NANOS;

    LiveCampaigns(CampaignRows rows) {
        this.rows = rows;
    }

    List<CouponCampaign> current() {
        if (System.nanoTime() - loadedAt > REFRESH_NANOS) {
            synchronized (this) {
                if (System.nanoTime() - loadedAt > REFRESH_NANOS) {
                    campaigns = List.copyOf(rows.unsettled());
                    loadedAt = System.nanoTime();
                }
            }
        }
        return campaigns;
    }

    List<UUID> ids() {
        return current().stream().map(CouponCampaign::id).toList();
    }

    synchronized void opened(CouponCampaign campaign) {
        List<CouponCampaign> next = new ArrayList<>(campaigns);
        next.add(campaign);
        campaigns = List.copyOf(next);
    }

    synchronized void settled(UUID campaignId) {
        campaigns = campaigns.stream().filter(c -> !c.id().equals(campaignId)).toList();
    }
}
