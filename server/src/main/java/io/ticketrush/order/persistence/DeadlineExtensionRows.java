package io.ticketrush.order.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for moving the payment deadline of orders waiting to pay, once per order. */
@Repository
public class DeadlineExtensionRows {

    /** An order waiting to pay and its hold. */
    public record Waiting(UUID orderId, UUID holdId) {
    }

    /** An order's new payment deadline. */
    public record NewDeadline(UUID orderId, Instant paymentDeadline) {
    }

    private final JdbcClient jdbc;

    DeadlineExtensionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the orders still waiting to pay whose deadline has not passed and was never extended,
     * skipping any another transaction is working on (a payment settling): never waits.
     */
    public List<Waiting> lockWaiting(Instant now) {
        return jdbc.sql("""
                SELECT id, hold_id FROM orders
                WHERE status = 'PENDING_PAYMENT' AND deadline_extended_at IS NULL AND payment_deadline > :now
                FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("hold_id", UUID.class)))
                .list();
    }

    /** Moves each locked order's deadline to its new time and notes when; an order is extended once. */
    public int extend(List<NewDeadline> deadlines, Instant now) {
        if (deadlines.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE orders o SET payment_deadline = x.deadline, deadline_extended_at = :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:deadlines AS timestamptz[])) AS x(id, deadline)
                WHERE o.id = x.id AND o.status = 'PENDING_PAYMENT' AND o.deadline_extended_at IS NULL""")
                .param("ids", deadlines.stream().map(d -> d.orderId().toString()).toArray(String[]::new))
                .param("deadlines", deadlines.stream().map(d -> d.paymentDeadline().toString()).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** When the order's deadline was extended, if it was. */
    public Optional<Instant> extendedAt(UUID orderId) {
        return jdbc.sql("SELECT deadline_extended_at FROM orders WHERE id = :id AND deadline_extended_at IS NOT NULL")
                .param("id", orderId)
                .query((rs, n) -> rs.getTimestamp("deadline_extended_at").toInstant())
                .optional();
    }
}
