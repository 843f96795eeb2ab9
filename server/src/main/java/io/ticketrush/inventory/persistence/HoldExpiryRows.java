package io.ticketrush.inventory.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that moves the expiry of active holds. */
@Repository
public class HoldExpiryRows {

    /** A hold and the order that pays for it. */
    public record OrderedHold(UUID holdId, UUID orderId) {
    }

    /** A hold that now expires later. */
    public record NewExpiry(UUID holdId, UUID orderId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    HoldExpiryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives each hold {@code by} more time if it is still active and unexpired at {@code now} and
     * belongs to that order. A hold another transaction has locked (the sweeper releasing it, a
     * payment selling it) is skipped, never waited for.
     */
    public List<NewExpiry> extend(List<OrderedHold> holds, Duration by, Instant now) {
        if (holds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE holds h SET expires_at = h.expires_at + make_interval(secs => :seconds)
                WHERE h.id IN (
                    SELECT l.id FROM holds l
                    JOIN unnest(CAST(:holds AS uuid[]), CAST(:orders AS uuid[])) AS x(hold_id, order_id)
                      ON l.id = x.hold_id AND l.order_id = x.order_id
                    WHERE l.status = 'ACTIVE' AND l.expires_at > :now
                    FOR UPDATE OF l SKIP LOCKED)
                RETURNING h.id, h.order_id, h.expires_at""")
                .param("holds", holds.stream().map(h -> h.holdId().toString()).toArray(String[]::new))
                .param("orders", holds.stream().map(h -> h.orderId().toString()).toArray(String[]::new))
                .param("seconds", by.toNanos() / 1e9)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new NewExpiry(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }
}
