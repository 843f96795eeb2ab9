package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The reconciler's record of an unsettled order: a try without a settled answer is counted and
 * the next one put off (doubling backoff); past the limit, or when nothing more can be done, the
 * order goes to MANUAL_REVIEW (terminal; console, metric {@code ticketrush.orders.manual.review}, alert).
 */
@Component
class SettleTries {

    private static final Log log = LogFactory.getLog(SettleTries.class);

    private final OrderRows rows;
    private final OrderTransitions transitions;
    private final OrderSettings settings;
    private final OrderMetrics metrics;
    private final Clock clock;

    SettleTries(OrderRows rows, OrderTransitions transitions, OrderSettings settings, OrderMetrics metrics, Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records a try that got no settled answer; past the limit the order goes to MANUAL_REVIEW. */
    void retryLater(Order order, String note) {
        int attempts = order.settleAttempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            giveUp(order, "gave up after %d tries; last: %s".formatted(attempts, note));
            return;
        }
        if (rows.recordTry(order, settings.nextTry(attempts, clock.instant()), note)) {
            log.warn("Order %s not settled yet (try %d, %s): %s; will retry".formatted(order.id(), attempts,
                    order.state(), note));
        }
    }

    /** Nothing more the reconciler can do: an operator settles the order. */
    void giveUp(Order order, String note) {
        if (transitions.apply(order.giveUp(note, clock.instant()))) {
            log.error("Order %s (%s) needs manual review: %s".formatted(order.id(), order.state(), note));
            metrics.outcome("manual_review");
        }
    }
}
