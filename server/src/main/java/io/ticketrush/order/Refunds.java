package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import java.time.Clock;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a refund that is already recorded (payment state REFUND_PENDING) and records what the
 * gateway said: done → REFUNDED; no answer → tried again later with backoff (same idempotency key,
 * so the money goes back once); refused → MANUAL_REVIEW for an operator. Nothing is refunded that
 * was not recorded first.
 */
@Component
class Refunds {

    private static final Log log = LogFactory.getLog(Refunds.class);

    private final OrderRows rows;
    private final PaymentGateway gateway;
    private final OrderTransitions transitions;
    private final SettleTries tries;
    private final OrderMetrics metrics;
    private final Clock clock;

    Refunds(OrderRows rows, PaymentGateway gateway, OrderTransitions transitions, SettleTries tries,
            OrderMetrics metrics, Clock clock) {
        this.rows = rows;
        this.gateway = gateway;
        this.transitions = transitions;
        this.tries = tries;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Tries the recorded refund of the order once; returns the order as it stands afterwards. */
    Order attempt(UUID orderId) {
        Order order = rows.find(orderId).orElseThrow();
        if (order.paymentState() != PaymentState.REFUND_PENDING) {
            return order;
        }
        boolean cancellation = order.paidAt() != null;
        long amount = order.owedRefund();
        // A free order (fully discounted) never reached the gateway: there is nothing to give back.
        CancelOutcome outcome = amount == 0 || order.paymentKey() == null ? new CancelOutcome.Cancelled(0)
                : gateway.cancel(order.paymentKey(), amount,
                        cancellation ? "고객 요청 취소" : "좌석 점유 시간 만료 후 승인: 자동 환불",
                        (cancellation ? "cancel-" : "refund-") + orderId);
        switch (outcome) {
            case CancelOutcome.Cancelled cancelled -> {
                if (transitions.apply(order.settleRefund(clock.instant(),
                        cancellation ? "cancelled by the fan" : "approved after the hold expired"))) {
                    log.info("Refund of order %s settled: %d won returned".formatted(orderId, amount));
                    if (!cancellation) {
                        metrics.outcome("refunded"); // a cancellation was counted as "cancelled" when recorded
                    }
                }
            }
            // the same idempotency key would only replay the refusal: an operator has to look
            case CancelOutcome.Failed failed -> tries.giveUp(order,
                    "refund refused by the gateway: " + failed.code() + " " + failed.message());
            case CancelOutcome.Unknown unknown -> tries.retryLater(order, "refund not confirmed: " + unknown.reason());
        }
        return rows.find(orderId).orElseThrow();
    }
}
