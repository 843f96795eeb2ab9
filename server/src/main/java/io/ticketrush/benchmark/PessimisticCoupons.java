package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineCouponRows;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon baseline 1: the textbook pessimistic claim. One transaction locks the campaign's stock
 * row with {@code SELECT ... FOR UPDATE} (every claim of the campaign waits for it, holding a
 * database connection), checks the window, the fan's count and the stock, inserts the coupon and
 * counts it.
 */
@Component
@Profile("benchmark")
public class PessimisticCoupons {

    private final BaselineCouponRules rules;
    private final BaselineCouponRows rows;

    PessimisticCoupons(BaselineCouponRules rules, BaselineCouponRows rows) {
        this.rules = rules;
        this.rows = rows;
    }

    @Transactional
    public BaselineCoupon claim(UUID campaignId, UUID userId) {
        BaselineCouponRows.Stock stock = rows.lockStock(campaignId).orElseThrow(BaselineCouponRules::unknown);
        return rules.issue(stock, userId);
    }
}
