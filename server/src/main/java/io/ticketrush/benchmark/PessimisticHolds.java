package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineRows;
import io.ticketrush.catalog.PerformanceSale;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Baseline 1: the textbook pessimistic hold. One transaction locks the requested seat rows
 * with {@code SELECT ... FOR UPDATE} (waiting for whoever holds them), checks they are
 * available, marks them held. Correct, but every request for a contested seat queues on its
 * row lock while holding a database connection.
 */
@Component
@Profile("benchmark")
public class PessimisticHolds {

    private final BaselineRules rules;
    private final BaselineRows rows;

    PessimisticHolds(BaselineRules rules, BaselineRows rows) {
        this.rules = rules;
        this.rows = rows;
    }

    @Transactional
    public BaselineHold hold(UUID performanceId, UUID userId, List<String> seatIds) {
        PerformanceSale sale = rules.openSale(performanceId);
        rules.takeQuota(sale, userId, seatIds.size());
        List<BaselineRows.SeatRow> seats = rows.lockSeats(performanceId, seatIds);
        rules.requireAvailable(seatIds, seats);
        return rules.place(sale, userId, seats);
    }
}
