package io.ticketrush.order;

import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.ticket.Tickets;
import java.time.Clock;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on what the gateway said. An approval sells the hold and issues the tickets in one
 * transaction; if the hold is gone (expired, released) the money goes back through the gateway
 * and the seats are never sold twice. A decline releases the hold. Used by the confirm call and
 * by the reconciler, so both settle an order the same way; every step is idempotent.
 */
@Component
class Settlement {

    private static final Log log = LogFactory.getLog(Settlement.class);

    private final OrderRows rows;
    private final SeatHolds holds;
    private final Tickets tickets;
    private final PaymentGateway gateway;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final OrderMetrics metrics;
    private final OrderCoupons coupons;
    private final Clock clock;

    Settlement(OrderRows rows, SeatHolds holds, Tickets tickets, PaymentGateway gateway,
            ApplicationEventPublisher events, TransactionTemplate transactions, OrderMetrics metrics,
            OrderCoupons coupons, Clock clock) {
        this.rows = rows;
        this.holds = holds;
        this.tickets = tickets;
        this.gateway = gateway;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** @return true if the order is now PAID; false if the approval had to be refunded */
    boolean approved(Order order, PaymentOutcome.Approved approval) {
        Boolean paid = transactions.execute(status -> {
            if (!holds.sell(order.holdId(), order.id())) {
                return false;
            }
            if (!rows.markPaid(order.id(), approval.amount(), clock.instant())) {
                status.setRollbackOnly(); // the order moved on (expired/cancelled) while the gateway approved
                return false;
            }
            tickets.issue(order.id(), order.userId(), order.performanceId(), order.seatIds());
            coupons.consume(order.id());
            events.publishEvent(new OrderEvents.OrderPaid(order.id(), order.userId(), order.performanceId(),
                    order.eventId(), order.seatIds(), approval.amount()));
            return true;
        });
        if (Boolean.TRUE.equals(paid)) {
            metrics.outcome("paid");
            return true;
        }
        if (rows.find(order.id()).filter(o -> o.status() == OrderStatus.PAID).isPresent()) {
            // The confirm call and the reconciler both settled this approval; the other one sold the
            // hold to this very order. The gateway captures once per order, so it is the same money.
            return true;
        }
        refundLateApproval(order.id(), approval.paymentKey(), approval.amount());
        return false;
    }

    void declined(Order order, String reason) {
        Boolean failed = transactions.execute(status -> {
            if (!rows.markFailed(order.id(), clock.instant())) {
                return false;
            }
            holds.release(order.holdId());
            coupons.release(order.id());
            events.publishEvent(new OrderEvents.OrderPaymentFailed(order.id(), order.userId(), reason));
            return true;
        });
        if (Boolean.TRUE.equals(failed)) {
            metrics.outcome("failed");
        }
    }

    /** Records that money must go back, then tries; a failed try is retried by the reconciler. */
    void refundLateApproval(UUID orderId, String paymentKey, long amount) {
        Boolean pending = transactions.execute(status -> {
            if (!rows.markRefundPending(orderId, amount, clock.instant())) {
                return false; // PAID (this approval is its payment) or already REFUNDED: nothing to give back
            }
            coupons.release(orderId); // the order was never paid for good: its coupon is free again
            return true;
        });
        if (!Boolean.TRUE.equals(pending)) {
            return;
        }
        retryRefund(orderId, paymentKey, amount);
    }

    void retryRefund(UUID orderId, String paymentKey, long amount) {
        // A free order (fully discounted) never reached the gateway: there is nothing to give back.
        CancelOutcome outcome = amount == 0 ? new CancelOutcome.Cancelled(0)
                : gateway.cancel(paymentKey, amount, "좌석 점유 시간 만료 후 승인: 자동 환불", "refund-" + orderId);
        switch (outcome) {
            case CancelOutcome.Cancelled cancelled -> transactions.executeWithoutResult(status -> {
                if (rows.markRefunded(orderId, amount, clock.instant())) {
                    Order order = rows.find(orderId).orElseThrow();
                    events.publishEvent(new OrderEvents.OrderRefunded(orderId, order.userId(), amount,
                            "approved after the hold expired"));
                    metrics.outcome("refunded");
                }
            });
            case CancelOutcome.Failed failed -> log.error("Refund of order %s refused by the gateway: %s %s"
                    .formatted(orderId, failed.code(), failed.message()));
            case CancelOutcome.Unknown unknown -> log.warn("Refund of order %s not confirmed (%s); will retry"
                    .formatted(orderId, unknown.reason()));
        }
    }
}
