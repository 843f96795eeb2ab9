package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What an event's sale has brought in: the amounts of its paid orders, after coupon discounts. */
@Component
public class Takings {

    /** Paid orders of one performance and the sum of what was paid for them, in won. */
    public record Paid(long orders, long amount) {
    }

    private final OrderRows rows;

    Takings(OrderRows rows) {
        this.rows = rows;
    }

    /** Per performance of the event; performances without a paid order are absent. */
    public Map<UUID, Paid> ofEvent(UUID eventId) {
        return rows.paidByPerformance(eventId).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Paid(e.getValue()[0], e.getValue()[1])));
    }
}
