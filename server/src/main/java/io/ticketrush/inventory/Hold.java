package io.ticketrush.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Seats claimed by one person for one performance until {@code expiresAt}. */
public record Hold(UUID id, UUID performanceId, UUID eventId, UUID userId, List<HeldSeat> seats, long totalPrice,
        HoldStatus status, Instant createdAt, Instant expiresAt, @Nullable UUID orderId) {

    public record HeldSeat(String seatId, String gradeCode, long price) {
    }

    public boolean activeAt(Instant now) {
        return status == HoldStatus.ACTIVE && now.isBefore(expiresAt);
    }

    public List<String> seatIds() {
        return seats.stream().map(HeldSeat::seatId).toList();
    }
}
