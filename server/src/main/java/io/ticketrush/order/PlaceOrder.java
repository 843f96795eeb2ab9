package io.ticketrush.order;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns one's own active hold into an order awaiting payment until the hold expires. */
@Component
public class PlaceOrder {

    private final OrderRows rows;
    private final SeatHolds holds;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final java.util.List<OrderGuard> guards;
    private final OrderCoupons coupons;
    private final Clock clock;

    PlaceOrder(OrderRows rows, SeatHolds holds, Catalog catalog, ApplicationEventPublisher events,
            java.util.List<OrderGuard> guards, OrderCoupons coupons, Clock clock) {
        this.rows = rows;
        this.holds = holds;
        this.catalog = catalog;
        this.events = events;
        this.guards = java.util.List.copyOf(guards);
        this.coupons = coupons;
        this.clock = clock;
    }

    public record Placed(Order order, boolean repeated) {
    }

    @Transactional
    public Placed place(UUID userId, UUID holdId, @Nullable UUID couponId, @Nullable String idempotencyKey,
            @Nullable String admissionToken) {
        if (idempotencyKey != null) {
            // A second request with this key waits here until the first one's transaction ends, then replays it.
            rows.lockIdempotencyKey(userId, idempotencyKey);
            var earlier = rows.findByIdempotencyKey(userId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().holdId().equals(holdId) || !java.util.Objects.equals(earlier.get().couponId(), couponId)) {
                    throw new DomainException(422, "idempotency-key-reused",
                            "This Idempotency-Key was used for a different request");
                }
                return new Placed(earlier.get(), true);
            }
        }
        Hold hold = holds.ownedBy(holdId, userId);
        for (OrderGuard guard : guards) {
            guard.check(hold.eventId(), userId, admissionToken);
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var existing = rows.findByHold(holdId);
        if (existing.isPresent()) {
            throw DomainException.conflict("hold-already-ordered", "This hold already has an order")
                    .with("orderId", existing.get().id().toString());
        }
        if (!hold.activeAt(now)) {
            throw DomainException.conflict("hold-expired", "The hold is no longer active");
        }
        PerformanceSale sale = catalog.performance(hold.performanceId())
                .orElseThrow(() -> new IllegalStateException("Hold for an unknown performance " + hold.performanceId()));
        long subtotal = hold.totalPrice();
        UUID orderId = Ids.next();
        // Reserved in this transaction: if the order is not created, the coupon stays free.
        long discount = couponId == null ? 0 : coupons.reserve(couponId, userId, orderId, hold.eventId(), subtotal);
        Order order = new Order(orderId, userId, holdId, hold.performanceId(), hold.eventId(), sale.startsAt(),
                OrderStatus.PENDING_PAYMENT,
                hold.seats().stream().map(s -> new Order.Item(s.seatId(), s.gradeCode(), s.price())).toList(),
                subtotal, discount, Math.max(0, subtotal - discount), couponId, hold.expiresAt(), PaymentState.NONE,
                null, null, null, now, null, 0);
        try {
            rows.insert(order, idempotencyKey);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("hold-already-ordered", "This hold already has an order");
        }
        if (!holds.attachOrder(holdId, order.id())) {
            throw DomainException.conflict("hold-expired", "The hold is no longer active");
        }
        events.publishEvent(new OrderEvents.OrderPlaced(order.id(), userId, order.performanceId(), order.amount()));
        return new Placed(order, false);
    }
}
