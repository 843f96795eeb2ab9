package io.ticketrush.inventory;

import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bumps a per-performance version in Redis after a seat change commits, so every instance's
 * cached seat map knows it is out of date. Key: {@code inventory:{perf:<id>}:version}.
 */
@Component
class SeatMapChanges {

    private final StringRedisTemplate redis;

    SeatMapChanges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String versionKey(UUID performanceId) {
        return "inventory:{perf:" + performanceId + "}:version";
    }

    void changed(UUID performanceId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump(performanceId);
                }
            });
        } else {
            bump(performanceId);
        }
    }

    long version(UUID performanceId) {
        String value = redis.opsForValue().get(versionKey(performanceId));
        return value == null ? 0 : Long.parseLong(value);
    }

    private void bump(UUID performanceId) {
        redis.opsForValue().increment(versionKey(performanceId));
    }
}
