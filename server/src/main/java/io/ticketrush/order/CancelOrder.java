package io.ticketrush.order;

import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.TicketStatus;
import io.ticketrush.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fan cancels an order. Unpaid: the hold is released. Paid: the fee schedule decides the refund;
 * in one transaction the order becomes CANCELLED with its refund owed (REFUND_PENDING), the tickets
 * are voided and the seats go back on sale; only then is the refund sent. A refund the gateway did
 * not answer (or a crash before it was sent) is retried by the reconciler until it settles, so an
 * order is never refunded while its tickets are still valid.
 */
@Component
public class CancelOrder {

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

    CancelOrder(OrderRows rows, SeatHolds holds, Tickets tickets, OrderTransitions transitions, Refunds refunds,
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

    public Order cancel(UUID userId, UUID orderId) {
        Order order = rows.find(orderId).filter(o -> o.ownedBy(userId)).orElseThrow(Orders::unknownOrder);
        switch (order.status()) {
            case PENDING_PAYMENT -> cancelUnpaid(order);
            case PAID -> {
                cancelPaid(order);
                metrics.outcome("cancelled");
                return refunds.attempt(orderId);
            }
            case CANCELLED -> {
                return order;
            }
            default -> throw DomainException.conflict("order-not-cancellable", "A " + order.status() + " order cannot be cancelled");
        }
        metrics.outcome("cancelled");
        return rows.find(orderId).orElseThrow();
    }

    private void cancelUnpaid(Order order) {
        if (order.paymentState() == PaymentState.CONFIRMING || order.paymentState() == PaymentState.UNKNOWN) {
            throw DomainException.conflict("payment-in-progress", "A payment for this order is being confirmed");
        }
        transactions.executeWithoutResult(status -> {
            if (!transitions.apply(order.cancelUnpaid(clock.instant()))) {
                throw DomainException.conflict("order-not-cancellable", "The order changed meanwhile; look again");
            }
            holds.release(order.holdId());
            coupons.release(order.id());
        });
    }

    /** Records the cancellation and the refund owed, voids the tickets and frees the seats: all or nothing. */
    private void cancelPaid(Order order) {
        if (tickets.forOrder(order.id()).stream().anyMatch(t -> t.status() == TicketStatus.CHECKED_IN)) {
            throw DomainException.conflict("ticket-used", "A ticket of this order was already used at the door");
        }
        Instant now = clock.instant();
        CancellationPolicy.Terms terms = CancellationPolicy.terms(order.amount(),
                order.paidAt() == null ? order.createdAt() : order.paidAt(), order.performanceStartsAt(), now);
        transactions.executeWithoutResult(status -> {
            if (!transitions.apply(order.cancelPaid(terms, now, settings.nextTry(1, now)))) {
                return; // cancelled by a concurrent request: its refund is the same (same idempotency key)
            }
            tickets.cancelForOrder(order.id());
            holds.returnSold(order.id());
        });
    }
}
