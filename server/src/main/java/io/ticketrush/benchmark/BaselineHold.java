package io.ticketrush.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hold placed by a baseline: the same fields the real hold answers with. */
public record BaselineHold(UUID id, UUID performanceId, UUID eventId, UUID userId, List<Seat> seats, long totalPrice,
        Instant expiresAt) {

    public record Seat(String seatId, String gradeCode, long price) {
    }

    public List<String> seatIds() {
        return seats.stream().map(Seat::seatId).toList();
    }
}
