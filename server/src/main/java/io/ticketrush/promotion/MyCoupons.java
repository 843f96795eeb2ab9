package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.CouponRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A fan's coupons, read through: the rows in PostgreSQL plus what Redis holds for the fan in
 * campaigns not settled yet, so a coupon claimed a moment ago shows before the writer stores it.
 */
@Component
public class MyCoupons {

    private final CouponRows rows;
    private final ClaimGate gate;
    private final LiveCampaigns live;

    MyCoupons(CouponRows rows, ClaimGate gate, LiveCampaigns live) {
        this.rows = rows;
        this.gate = gate;
        this.live = live;
    }

    public List<Coupon> of(UUID userId) {
        List<Coupon> coupons = new ArrayList<>(rows.ofUser(userId, 500));
        Set<UUID> stored = new HashSet<>();
        coupons.forEach(c -> stored.add(c.id()));
        Map<UUID, CouponCampaign> campaigns = live.current().stream()
                .collect(Collectors.toMap(CouponCampaign::id, Function.identity(), (a, b) -> a));
        for (IssuedCoupon issued : gate.heldBy(List.copyOf(campaigns.keySet()), userId)) {
            if (!stored.contains(issued.couponId())) {
                coupons.add(Coupon.unstored(issued, campaigns.get(issued.campaignId())));
            }
        }
        coupons.sort(Comparator.comparing(Coupon::claimedAt).reversed());
        return coupons;
    }

    /** One of the fan's coupons that Redis holds but PostgreSQL does not have yet. */
    Optional<IssuedCoupon> unstored(UUID couponId, UUID userId) {
        return gate.heldBy(live.ids(), userId).stream().filter(c -> c.couponId().equals(couponId)).findFirst();
    }
}
