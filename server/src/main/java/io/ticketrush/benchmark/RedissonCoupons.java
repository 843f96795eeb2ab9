package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineCouponRows;
import io.ticketrush.shared.DomainException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coupon baseline 2: the distributed-lock claim most Spring projects write. One Redisson lock per
 * campaign (waiting up to {@code ticketrush.benchmark.lock-wait}) around a database transaction that
 * reads the stock row plainly, checks, inserts the coupon and counts it; commit, then unlock.
 */
@Component
@Profile("benchmark")
public class RedissonCoupons {

    private final RedissonClient redisson;
    private final BaselineCouponRules rules;
    private final BaselineCouponRows rows;
    private final TransactionTemplate transactions;
    private final BenchmarkSettings settings;

    RedissonCoupons(RedissonClient redisson, BaselineCouponRules rules, BaselineCouponRows rows,
            TransactionTemplate transactions, BenchmarkSettings settings) {
        this.redisson = redisson;
        this.rules = rules;
        this.rows = rows;
        this.transactions = transactions;
        this.settings = settings;
    }

    public BaselineCoupon claim(UUID campaignId, UUID userId) {
        RLock lock = redisson.getLock("benchmark:{camp:" + campaignId + "}:coupon-lock");
        boolean locked;
        try {
            locked = lock.tryLock(settings.lockWait().toMillis(), settings.lockLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the campaign lock", e);
        }
        if (!locked) {
            throw DomainException.conflict("lock-timeout", "Could not lock the campaign in time");
        }
        try {
            return transactions.execute(status -> rules.issue(
                    rows.readStock(campaignId).orElseThrow(BaselineCouponRules::unknown), userId));
        } finally {
            lock.unlock();
        }
    }
}
