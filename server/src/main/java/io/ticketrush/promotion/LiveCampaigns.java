package io.ticketrush.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketrush.promotion.persistence.CampaignRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The campaigns not settled yet — those whose coupons may be in Redis only — as one instance
 * knows them: read from PostgreSQL at most once a second, and updated at once for campaigns this
 * instance opens or settles. One Caffeine entry measured by the injected {@link Ticker}; it expires
 * a second after it was read, however often this instance updated it meanwhile.
 */
@Component
class LiveCampaigns {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);
    private static final Boolean ALL = Boolean.TRUE;

    private final CampaignRows rows;
    private final Cache<Boolean, List<CouponCampaign>> campaigns;

    LiveCampaigns(CampaignRows rows, Ticker ticker) {
        this.rows = rows;
        this.campaigns = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<Boolean, List<CouponCampaign>>creating((all, read) -> FRESHNESS))
                .build();
    }

    List<CouponCampaign> current() {
        return campaigns.get(ALL, all -> List.copyOf(rows.unsettled()));
    }

    List<UUID> ids() {
        return current().stream().map(CouponCampaign::id).toList();
    }

    /** A campaign this instance opened: known at once (if the list is due for a read, the read finds it). */
    void opened(CouponCampaign campaign) {
        campaigns.asMap().computeIfPresent(ALL, (all, known) -> {
            if (known.stream().anyMatch(c -> c.id().equals(campaign.id()))) {
                return known; // a read since it was stored already found it
            }
            List<CouponCampaign> next = new ArrayList<>(known);
            next.add(campaign);
            return List.copyOf(next);
        });
    }

    void settled(UUID campaignId) {
        campaigns.asMap().computeIfPresent(ALL,
                (all, known) -> known.stream().filter(c -> !c.id().equals(campaignId)).toList());
    }
}
