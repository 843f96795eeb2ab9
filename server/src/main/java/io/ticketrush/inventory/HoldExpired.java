package io.ticketrush.inventory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hold ran out of time; its seats are on sale again. {@code orderId} if an order was waiting for payment. */
public record HoldExpired(UUID holdId, UUID performanceId, UUID eventId, UUID userId, int seats,
        @Nullable UUID orderId) {
}
