package io.ticketrush.order.persistence;

import io.ticketrush.order.Order;
import io.ticketrush.order.OrderStatus;
import io.ticketrush.order.PaymentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for orders. Every transition names the states it may start from and reports whether it happened. */
@Repository
public class OrderRows {

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Order order, @Nullable String idempotencyKey) {
        jdbc.sql("""
                INSERT INTO orders (id, user_id, hold_id, performance_id, event_id, performance_starts_at, status,
                    seat_ids, grade_codes, prices, subtotal, discount, amount, coupon_id, payment_deadline,
                    idempotency_key, created_at)
                VALUES (:id, :u, :hold, :p, :e, :starts, 'PENDING_PAYMENT', :seats, :grades, :prices, :subtotal,
                    :discount, :amount, :coupon, :deadline, :key, :created)""")
                .param("id", order.id()).param("u", order.userId()).param("hold", order.holdId())
                .param("p", order.performanceId()).param("e", order.eventId())
                .param("starts", Timestamp.from(order.performanceStartsAt()))
                .param("seats", order.items().stream().map(Order.Item::seatId).toArray(String[]::new))
                .param("grades", order.items().stream().map(Order.Item::gradeCode).toArray(String[]::new))
                .param("prices", order.items().stream().map(Order.Item::price).toArray(Long[]::new))
                .param("subtotal", order.subtotal()).param("discount", order.discount()).param("amount", order.amount())
                .param("coupon", order.couponId()).param("deadline", Timestamp.from(order.paymentDeadline()))
                .param("key", idempotencyKey).param("created", Timestamp.from(order.createdAt()))
                .update();
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Order> findByHold(UUID holdId) {
        return jdbc.sql("SELECT * FROM orders WHERE hold_id = :h").param("h", holdId).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Order> findByIdempotencyKey(UUID userId, String key) {
        return jdbc.sql("SELECT * FROM orders WHERE user_id = :u AND idempotency_key = :k")
                .param("u", userId).param("k", key).query((rs, n) -> map(rs)).optional();
    }

    public List<Order> ofUser(UUID userId, int limit) {
        return jdbc.sql("SELECT * FROM orders WHERE user_id = :u ORDER BY created_at DESC LIMIT :limit")
                .param("u", userId).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    /** PENDING_PAYMENT with no other payment in flight → CONFIRMING with this payment key. */
    public boolean startPayment(UUID id, String paymentKey, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET payment_state = 'CONFIRMING', payment_key = :key, payment_attempted_at = :now
                WHERE id = :id AND status = 'PENDING_PAYMENT'
                  AND (payment_key IS NULL OR payment_key = :key OR payment_state IN ('NONE', 'DECLINED'))""")
                .param("id", id).param("key", paymentKey).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void paymentState(UUID id, PaymentState state) {
        jdbc.sql("UPDATE orders SET payment_state = :s WHERE id = :id")
                .param("id", id).param("s", state.name()).update();
    }

    public boolean markPaid(UUID id, long approvedAmount, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET status = 'PAID', payment_state = 'APPROVED', approved_amount = :amount, paid_at = :now
                WHERE id = :id AND status = 'PENDING_PAYMENT'""")
                .param("id", id).param("amount", approvedAmount).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean markFailed(UUID id, Instant now) {
        return transition(id, "PAYMENT_FAILED", "DECLINED", now, "PENDING_PAYMENT");
    }

    public boolean markExpired(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET status = 'EXPIRED', ended_at = :now
                WHERE id = :id AND status = 'PENDING_PAYMENT'""")
                .param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** An approval we could not honour: money must go back. Any state but PAID. */
    public boolean markRefundPending(UUID id, long approvedAmount, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET payment_state = 'REFUND_PENDING', approved_amount = :amount,
                    status = CASE WHEN status = 'PENDING_PAYMENT' THEN 'EXPIRED' ELSE status END,
                    ended_at = coalesce(ended_at, :now)
                WHERE id = :id AND status <> 'PAID' AND status <> 'REFUNDED'""")
                .param("id", id).param("amount", approvedAmount).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean markRefunded(UUID id, long refundAmount, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET status = 'REFUNDED', payment_state = 'REFUNDED', refund_amount = :refund,
                    cancellation_fee = 0, ended_at = :now
                WHERE id = :id AND payment_state = 'REFUND_PENDING'""")
                .param("id", id).param("refund", refundAmount).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean markCancelled(UUID id, OrderStatus from, long refund, long fee, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET status = 'CANCELLED', refund_amount = :refund, cancellation_fee = :fee, ended_at = :now,
                    payment_state = CASE WHEN status = 'PAID' THEN 'REFUNDED' ELSE payment_state END
                WHERE id = :id AND status = :from""")
                .param("id", id).param("from", from.name()).param("refund", refund).param("fee", fee)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Orders whose payment outcome is not settled yet and was last tried before {@code before}. */
    public List<Order> toReconcile(Instant before, int limit) {
        return jdbc.sql("""
                SELECT * FROM orders
                WHERE payment_state IN ('CONFIRMING', 'UNKNOWN', 'REFUND_PENDING') AND payment_attempted_at < :before
                ORDER BY payment_attempted_at LIMIT :limit""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    private boolean transition(UUID id, String to, String paymentState, Instant now, String from) {
        return jdbc.sql("""
                UPDATE orders SET status = :to, payment_state = :ps, ended_at = :now WHERE id = :id AND status = :from""")
                .param("id", id).param("to", to).param("ps", paymentState).param("from", from)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Order map(ResultSet rs) throws SQLException {
        String[] seats = (String[]) rs.getArray("seat_ids").getArray();
        String[] grades = (String[]) rs.getArray("grade_codes").getArray();
        Long[] prices = (Long[]) rs.getArray("prices").getArray();
        List<Order.Item> items = new ArrayList<>(seats.length);
        for (int i = 0; i < seats.length; i++) {
            items.add(new Order.Item(seats[i], grades[i], prices[i]));
        }
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new Order(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("hold_id", UUID.class), rs.getObject("performance_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getTimestamp("performance_starts_at").toInstant(),
                OrderStatus.valueOf(rs.getString("status")), List.copyOf(items), rs.getLong("subtotal"),
                rs.getLong("discount"), rs.getLong("amount"), rs.getObject("coupon_id", UUID.class),
                rs.getTimestamp("payment_deadline").toInstant(), PaymentState.valueOf(rs.getString("payment_state")),
                rs.getString("payment_key"), rs.getObject("refund_amount", Long.class),
                rs.getObject("cancellation_fee", Long.class), rs.getTimestamp("created_at").toInstant(),
                paidAt == null ? null : paidAt.toInstant());
    }

    /** Per performance of the event: paid orders and what they brought in (after discounts). */
    public java.util.Map<UUID, long[]> paidByPerformance(UUID eventId) {
        java.util.Map<UUID, long[]> totals = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT performance_id, count(*) AS orders, coalesce(sum(amount), 0) AS amount
                FROM orders WHERE event_id = :e AND status = 'PAID' GROUP BY performance_id""")
                .param("e", eventId)
                .query(rs -> {
                    totals.put(rs.getObject("performance_id", UUID.class),
                            new long[] {rs.getLong("orders"), rs.getLong("amount")});
                });
        return totals;
    }
}
