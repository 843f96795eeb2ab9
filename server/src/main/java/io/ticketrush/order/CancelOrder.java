package io.ticketrush.order;

import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.TicketStatus;
import io.ticketrush.ticket.Tickets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fan cancels an order. Unpaid: the hold is released. Paid: the fee schedule decides the
 * refund, the gateway refunds it, then tickets are voided and the seats go back on sale.
 */
@Component
public class CancelOrder {

    private final OrderRows rows;
    private final SeatHolds holds;
    private final Tickets tickets;
    private final PaymentGateway gateway;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final OrderMetrics metrics;
    private final OrderCoupons coupons;
    private final Clock clock;

    CancelOrder(OrderRows rows, SeatHolds holds, Tickets tickets, PaymentGateway gateway,
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

    public Order cancel(UUID userId, UUID orderId) {
        Order order = rows.find(orderId).filter(o -> o.ownedBy(userId)).orElseThrow(Orders::unknownOrder);
        switch (order.status()) {
            case PENDING_PAYMENT -> cancelUnpaid(order);
            case PAID -> cancelPaid(order);
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
            if (!rows.markCancelled(order.id(), OrderStatus.PENDING_PAYMENT, 0, 0, clock.instant())) {
                throw DomainException.conflict("order-not-cancellable", "The order changed meanwhile; look again");
            }
            holds.release(order.holdId());
            coupons.release(order.id());
            events.publishEvent(new OrderEvents.OrderCancelled(order.id(), order.userId(), order.performanceId(), 0, 0));
        });
    }

    private void cancelPaid(Order order) {
        if (tickets.forOrder(order.id()).stream().anyMatch(t -> t.status() == TicketStatus.CHECKED_IN)) {
            throw DomainException.conflict("ticket-used", "A ticket of this order was already used at the door");
        }
        CancellationPolicy.Terms terms = CancellationPolicy.terms(order.amount(),
                order.paidAt() == null ? order.createdAt() : order.paidAt(), order.performanceStartsAt(), clock.instant());
        if (terms.refund() > 0) {
            CancelOutcome outcome = gateway.cancel(order.paymentKey(), terms.refund(), "고객 요청 취소", "cancel-" + order.id());
            switch (outcome) {
                case CancelOutcome.Cancelled cancelled -> {
                }
                case CancelOutcome.Failed failed -> throw new DomainException(502, "refund-failed",
                        "The payment gateway refused the refund: " + failed.message());
                case CancelOutcome.Unknown unknown -> throw new DomainException(503, "refund-pending",
                        "The payment gateway did not answer; try again").with("retryAfterSeconds", 2);
            }
        }
        transactions.executeWithoutResult(status -> {
            if (!rows.markCancelled(order.id(), OrderStatus.PAID, terms.refund(), terms.fee(), clock.instant())) {
                return; // cancelled by a concurrent request with the same refund (same idempotency key)
            }
            tickets.cancelForOrder(order.id());
            holds.returnSold(order.id());
            events.publishEvent(new OrderEvents.OrderCancelled(order.id(), order.userId(), order.performanceId(),
                    terms.refund(), terms.fee()));
        });
    }
}
