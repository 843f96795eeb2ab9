package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Confirms the payment of an order with the gateway. No database transaction is open while
 * the gateway is asked. A timeout is never guessed: the gateway is asked what happened, and if
 * it cannot tell yet the order stays PENDING_PAYMENT for the reconciler.
 */
@Component
public class PayOrder {

    private final OrderRows rows;
    private final PaymentGateway gateway;
    private final Settlement settlement;
    private final OrderTransitions transitions;
    private final OrderMetrics metrics;
    private final java.util.List<OrderGuard> guards;
    private final Clock clock;

    PayOrder(OrderRows rows, PaymentGateway gateway, Settlement settlement, OrderTransitions transitions,
            OrderMetrics metrics, java.util.List<OrderGuard> guards, Clock clock) {
        this.transitions = transitions;
        this.rows = rows;
        this.gateway = gateway;
        this.settlement = settlement;
        this.metrics = metrics;
        this.guards = java.util.List.copyOf(guards);
        this.clock = clock;
    }

    public Order confirm(UUID userId, UUID orderId, String paymentKey, long amount, @Nullable String idempotencyKey,
            @Nullable String admissionToken) {
        return metrics.confirmTimer().record(() -> doConfirm(userId, orderId, paymentKey, amount, idempotencyKey, admissionToken));
    }

    private Order doConfirm(UUID userId, UUID orderId, String paymentKey, long amount, @Nullable String idempotencyKey,
            @Nullable String admissionToken) {
        Order order = rows.find(orderId).filter(o -> o.ownedBy(userId)).orElseThrow(Orders::unknownOrder);
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            for (OrderGuard guard : guards) {
                guard.check(order.eventId(), userId, admissionToken);
            }
        }
        switch (order.status()) {
            case PAID -> {
                if (paymentKey.equals(order.paymentKey())) {
                    return order; // a repeat of a confirmation that succeeded
                }
                throw DomainException.conflict("already-paid", "This order is already paid");
            }
            case EXPIRED, REFUNDED -> throw expired(order);
            case PAYMENT_FAILED, CANCELLED -> throw DomainException.conflict("order-not-payable",
                    "This order is " + order.status() + "; start again from the seats");
            case PENDING_PAYMENT -> {
            }
        }
        if (amount != order.amount()) {
            throw DomainException.conflict("amount-mismatch", "The amount does not match the order")
                    .with("expectedAmount", order.amount());
        }
        if (!clock.instant().isBefore(order.paymentDeadline())) {
            throw expired(order);
        }
        if (amount > 0) {
            gateway.requireAvailable(); // 503 at once while the gateway's circuit breaker is open; nothing changed yet
        }
        if (!transitions.apply(order.startPayment(paymentKey, clock.instant()))) {
            throw DomainException.conflict("payment-in-progress", "Another payment for this order is being confirmed");
        }
        String key = idempotencyKey != null ? "confirm-" + orderId + "-" + idempotencyKey : "confirm-" + orderId + "-" + paymentKey;
        // A fully discounted order has nothing to charge: gateways refuse 0 won, so it is settled here.
        PaymentOutcome outcome = amount == 0
                ? new PaymentOutcome.Approved(paymentKey, orderId.toString(), 0, clock.instant())
                : gateway.confirm(paymentKey, orderId.toString(), amount, key);
        if (outcome instanceof PaymentOutcome.Unknown) {
            outcome = gateway.lookup(orderId.toString()); // ask, never guess
        }
        switch (outcome) {
            case PaymentOutcome.Approved approved -> {
                if (!settlement.approved(order, approved)) {
                    throw expired(rows.find(orderId).orElseThrow()).with("refunded", true);
                }
            }
            case PaymentOutcome.Declined declined -> {
                settlement.declined(order, declined.code());
                throw new DomainException(402, "payment-declined", "The payment was declined: " + declined.message())
                        .with("pgCode", declined.code());
            }
            // no answer: the reconciler asks again (unless it or another call settled the order meanwhile)
            case PaymentOutcome.Unknown unknown -> transitions.apply(rows.find(orderId).orElseThrow().loseAnswer());
            case PaymentOutcome.NotFound notFound -> transitions.apply(rows.find(orderId).orElseThrow().loseAnswer());
        }
        return rows.find(orderId).orElseThrow();
    }

    private static DomainException expired(Order order) {
        return DomainException.conflict("order-expired", "The payment deadline of this order has passed")
                .with("orderStatus", order.status().name());
    }
}
