package io.ticketrush.order;

import java.util.List;
import java.util.UUID;

/** What happens to orders, for other modules and, later, for Kafka. Past tense, immutable. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public record OrderPlaced(UUID orderId, UUID userId, UUID performanceId, long amount) {
    }

    public record OrderPaid(UUID orderId, UUID userId, UUID performanceId, UUID eventId, List<String> seatIds,
            long amount) {
    }

    public record OrderPaymentFailed(UUID orderId, UUID userId, String reason) {
    }

    public record OrderExpired(UUID orderId, UUID userId, UUID performanceId) {
    }

    public record OrderRefunded(UUID orderId, UUID userId, long refundAmount, String reason) {
    }

    public record OrderCancelled(UUID orderId, UUID userId, UUID performanceId, long refundAmount,
            long cancellationFee) {
    }
}
