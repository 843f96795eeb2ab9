package io.ticketrush.order;

import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on what the gateway said. An approval sells the hold and issues the tickets in one
 * transaction; if the hold is gone (expired, released) the refund is recorded, then sent, and the
 * seats are never sold twice. A decline releases the hold. Used by the confirm call and by the
 * reconciler, so both settle an order the same way: each step reads the order afresh and moves it
 * only from the state it read.
 */
@Component
class Settlement {

    private final OrderRows rows;
    private final SeatHolds holds;
    private final Tickets tickets;
    private final OrderTransitions transitions;
    private final Refunds refunds;
    private final TransactionTemplate transactions;
    private final OrderMetrics metrics;
    private final OrderCoupons coupons;
    private final OrderSettings settings;
    private final Clock clock;

    Settlement(OrderRows rows, SeatHolds holds, Tickets tickets, OrderTransitions transitions, Refunds refunds,
            TransactionTemplate transactions, OrderMetrics metrics, OrderCoupons coupons, OrderSettings settings,
            Clock clock) {
        this.rows = rows;
        this.holds = holds;
        this.tickets = tickets;
        this.transitions = transitions;
        this.refunds = refunds;
        this.transactions = transactions;
        this.metrics = metrics;
        this.coupons = coupons;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return true if the order is now PAID; false if the approval had to be refunded */
    boolean approved(Order seen, PaymentOutcome.Approved approval) {
        boolean paid = Boolean.TRUE.equals(transactions.execute(status -> {
            Order order = rows.find(seen.id()).orElseThrow();
            Transition pay = order.pay(approval.amount(), clock.instant());
            if (pay instanceof Transition.Refused || !holds.sell(order.holdId(), order.id())) {
                return false; // the order or its hold moved on (expired, cancelled) while the gateway approved
            }
            if (!transitions.apply(pay)) {
                status.setRollbackOnly();
                return false;
            }
            tickets.issue(order.id(), order.userId(), order.performanceId(), order.seatIds());
            coupons.consume(order.id());
            return true;
        }));
        if (paid) {
            metrics.outcome("paid");
            return true;
        }
        if (rows.find(seen.id()).filter(o -> o.status() == OrderStatus.PAID).isPresent()) {
            // The confirm call and the reconciler both settled this approval; the other one sold the
            // hold to this very order. The gateway captures once per order, so it is the same money.
            return true;
        }
        refundLateApproval(seen.id(), approval.paymentKey(), approval.amount());
        return false;
    }

    /** @return whether the order moved: PAYMENT_FAILED (hold released), or a moved-on order noted as uncaptured */
    boolean declined(Order seen, String reason) {
        Boolean failed = transactions.execute(status -> {
            Order order = rows.find(seen.id()).orElseThrow();
            Instant now = clock.instant();
            if (order.status() != OrderStatus.PENDING_PAYMENT || order.paymentState() == PaymentState.NONE) {
                return transitions.apply(order.nothingCaptured()) ? Boolean.FALSE : null;
            }
            if (!transitions.apply(order.decline(reason, now))) {
                return null;
            }
            holds.release(order.holdId());
            coupons.release(order.id());
            return true;
        });
        if (Boolean.TRUE.equals(failed)) {
            metrics.outcome("failed");
        }
        return failed != null;
    }

    /** Records that money must go back, then tries; a try without an answer is repeated by the reconciler. */
    void refundLateApproval(UUID orderId, String paymentKey, long amount) {
        boolean owed = Boolean.TRUE.equals(transactions.execute(status -> {
            Order order = rows.find(orderId).orElseThrow();
            Instant now = clock.instant();
            if (!transitions.apply(order.oweRefund(paymentKey, amount, now, settings.nextTry(1, now)))) {
                return false; // PAID (this approval is its payment) or already owed/refunded: nothing more to record
            }
            coupons.release(orderId); // the order was never paid for good: its coupon is free again
            return true;
        }));
        if (owed) {
            refunds.attempt(orderId);
        }
    }
}
