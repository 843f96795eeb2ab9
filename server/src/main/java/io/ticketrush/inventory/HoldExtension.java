package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldExpiryRows;
import io.ticketrush.inventory.persistence.HoldExpiryRows.OrderedHold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the holds of orders waiting to pay more time when the payment gateway has an incident (the
 * order module moves their payment deadlines to match). Joins the caller's transaction; never waits
 * for a hold another transaction is working on. The sweeper then releases them at the new time.
 */
@Component
public class HoldExtension {

    private final HoldExpiryRows rows;
    private final Clock clock;

    HoldExtension(HoldExpiryRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** A hold of an order, and (once extended) when it expires now. */
    public record Extended(UUID holdId, UUID orderId, Instant expiresAt) {
    }

    /**
     * Extends by {@code by} each hold (id to the order paying for it) that is active, unexpired,
     * owned by that order and not locked by another transaction.
     *
     * @return the holds that now expire later, with their new expiry
     */
    @Transactional
    public List<Extended> extend(java.util.Map<UUID, UUID> orderByHold, Duration by) {
        return rows.extend(orderByHold.entrySet().stream().map(e -> new OrderedHold(e.getKey(), e.getValue())).toList(),
                        by, clock.instant()).stream()
                .map(e -> new Extended(e.holdId(), e.orderId(), e.expiresAt()))
                .toList();
    }
}
