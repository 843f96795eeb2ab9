package io.ticketrush.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order for the seats of one hold. */
public record Order(UUID id, UUID userId, UUID holdId, UUID performanceId, UUID eventId, Instant performanceStartsAt,
        OrderStatus status, List<Item> items, long subtotal, long discount, long amount, @Nullable UUID couponId,
        Instant paymentDeadline, PaymentState paymentState, @Nullable String paymentKey,
        @Nullable Long refundAmount, @Nullable Long cancellationFee, Instant createdAt, @Nullable Instant paidAt) {

    public record Item(String seatId, String gradeCode, long price) {
    }

    public boolean ownedBy(UUID person) {
        return userId.equals(person);
    }

    public List<String> seatIds() {
        return items.stream().map(Item::seatId).toList();
    }
}
