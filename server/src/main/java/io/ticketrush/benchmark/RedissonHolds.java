package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineRows;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baseline 2: the distributed-lock hold most Spring projects write. Take a Redisson lock per
 * requested seat (one {@code RedissonMultiLock}, all or none, waiting up to
 * {@code ticketrush.benchmark.lock-wait}), then in a database transaction read the seats,
 * check, mark them held; commit, then unlock. The database is not asked to arbitrate: the
 * lock is the guard, exactly as in those projects.
 */
@Component
@Profile("benchmark")
public class RedissonHolds {

    private final RedissonClient redisson;
    private final BaselineRules rules;
    private final BaselineRows rows;
    private final TransactionTemplate transactions;
    private final BenchmarkSettings settings;

    RedissonHolds(RedissonClient redisson, BaselineRules rules, BaselineRows rows, TransactionTemplate transactions,
            BenchmarkSettings settings) {
        this.redisson = redisson;
        this.rules = rules;
        this.rows = rows;
        this.transactions = transactions;
        this.settings = settings;
    }

    public BaselineHold hold(UUID performanceId, UUID userId, List<String> seatIds) {
        RLock[] locks = seatIds.stream().sorted()
                .map(seat -> redisson.getLock("benchmark:{perf:" + performanceId + "}:seat-lock:" + seat))
                .toArray(RLock[]::new);
        RLock all = redisson.getMultiLock(locks);
        boolean locked;
        try {
            locked = all.tryLock(settings.lockWait().toMillis(), settings.lockLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for seat locks", e);
        }
        if (!locked) {
            throw DomainException.conflict("lock-timeout", "Could not lock the seats in time").with("seatIds", seatIds);
        }
        try {
            return transactions.execute(status -> {
                PerformanceSale sale = rules.openSale(performanceId);
                rules.takeQuota(sale, userId, seatIds.size());
                List<BaselineRows.SeatRow> seats = rows.readSeats(performanceId, seatIds);
                rules.requireAvailable(seatIds, seats);
                return rules.place(sale, userId, seats);
            });
        } finally {
            all.unlock();
        }
    }
}
