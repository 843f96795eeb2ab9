package io.ticketrush.inventory;

import java.util.List;
import java.util.UUID;

public record SeatsHeld(UUID holdId, UUID performanceId, UUID eventId, UUID userId, List<String> seatIds) {
}
