package io.ticketrush.inventory;

import java.util.UUID;

/** A hold gave its seats back before expiry (the fan let go, payment failed, order cancelled). */
public record HoldReleased(UUID holdId, UUID performanceId, UUID eventId, UUID userId, int seats) {
}
