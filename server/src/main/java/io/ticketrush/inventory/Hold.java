package io.ticketrush.inventory;

import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.SeatRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Seats claimed by one person for one performance until {@code expiresAt}. */
public record Hold(UUID id, UUID performanceId, UUID eventId, UUID userId, List<HeldSeat> seats, long totalPrice,
        HoldStatus status, Instant createdAt, Instant expiresAt, @Nullable UUID orderId) {

    public record HeldSeat(String seatId, String gradeCode, long price) {
    }

    /** A new ACTIVE hold of the claimed seats, priced by the sale's grades, seats in id order, for {@code ttl}. */
    static Hold placed(UUID id, PerformanceSale sale, UUID userId, List<SeatRows.Claimed> claimed, Instant now,
            Duration ttl) {
        Map<String, Long> prices = sale.grades().stream().collect(Collectors.toMap(Grade::code, Grade::price));
        List<HeldSeat> held = claimed.stream()
                .map(c -> new HeldSeat(c.seatId(), c.gradeCode(), prices.get(c.gradeCode())))
                .sorted(Comparator.comparing(HeldSeat::seatId))
                .toList();
        long total = held.stream().mapToLong(HeldSeat::price).sum();
        return new Hold(id, sale.performanceId(), sale.eventId(), userId, held, total, HoldStatus.ACTIVE, now,
                now.plus(ttl), null);
    }

    public boolean activeAt(Instant now) {
        return status == HoldStatus.ACTIVE && now.isBefore(expiresAt);
    }

    public List<String> seatIds() {
        return seats.stream().map(HeldSeat::seatId).toList();
    }
}
