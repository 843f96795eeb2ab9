package io.ticketrush.order.persistence;

import io.ticketrush.order.Order;
import io.ticketrush.order.OrderReview;
import io.ticketrush.order.OrderStatus;
import io.ticketrush.order.PaymentState;
import io.ticketrush.order.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for orders. Every change is a conditional save (expected state → new state) that reports whether it happened. */
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

    /** Serialises requests that carry the same Idempotency-Key for one person until this transaction ends. */
    public void lockIdempotencyKey(UUID userId, String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "order-idempotency:" + userId + ":" + key).query(rs -> {
                });
    }

    /**
     * Saves a move on the condition that the order is still in the state the move started from.
     *
     * @return whether the order moved (false: someone else moved it first; nothing changed)
     */
    public boolean save(Transition.Moved moved) {
        Transition.Changes c = moved.changes();
        return jdbc.sql("""
                UPDATE orders SET status = :to, payment_state = :toPayment,
                    payment_key = coalesce(:key, payment_key),
                    payment_attempted_at = coalesce(:attemptedAt, payment_attempted_at),
                    approved_amount = coalesce(:approved, approved_amount),
                    refund_amount = coalesce(:refund, refund_amount),
                    cancellation_fee = coalesce(:fee, cancellation_fee),
                    paid_at = coalesce(:paidAt, paid_at),
                    ended_at = coalesce(ended_at, :endedAt),
                    settle_attempts = CASE WHEN :restart THEN 0 ELSE settle_attempts END,
                    next_settle_at = CASE WHEN :restart THEN NULL ELSE coalesce(:nextSettleAt, next_settle_at) END,
                    settle_note = coalesce(:note, settle_note)
                WHERE id = :id AND status = :from AND payment_state = :fromPayment""")
                .param("id", moved.order().id())
                .param("from", moved.from().status().name()).param("fromPayment", moved.from().payment().name())
                .param("to", moved.to().status().name()).param("toPayment", moved.to().payment().name())
                .param("key", c.paymentKey(), Types.VARCHAR).param("attemptedAt", timestamp(c.paymentAttemptedAt()), Types.TIMESTAMP)
                .param("approved", c.approvedAmount(), Types.BIGINT).param("refund", c.refundAmount(), Types.BIGINT)
                .param("fee", c.cancellationFee(), Types.BIGINT)
                .param("paidAt", timestamp(c.paidAt()), Types.TIMESTAMP)
                .param("endedAt", timestamp(c.endedAt()), Types.TIMESTAMP)
                .param("restart", c.restartSettling())
                .param("nextSettleAt", timestamp(c.nextSettleAt()), Types.TIMESTAMP)
                .param("note", c.settleNote(), Types.VARCHAR)
                .update() == 1;
    }

    /**
     * Records one more try of the reconciler on an unsettled order and when it may try again; only
     * while the order is still in the state the try saw.
     */
    public boolean recordTry(Order order, Instant nextTryAt, String note) {
        return jdbc.sql("""
                UPDATE orders SET settle_attempts = settle_attempts + 1, next_settle_at = :next, settle_note = :note
                WHERE id = :id AND status = :status AND payment_state = :payment""")
                .param("id", order.id()).param("status", order.status().name())
                .param("payment", order.paymentState().name())
                .param("next", Timestamp.from(nextTryAt)).param("note", note)
                .update() == 1;
    }

    /**
     * Unsettled orders due for a try: never tried by the reconciler and last attempted before
     * {@code quietBefore}, or whose backoff ended by {@code now}; the longest-waiting first.
     */
    public List<Order> toReconcile(Instant now, Instant quietBefore, int limit) {
        return jdbc.sql("""
                SELECT * FROM orders
                WHERE payment_state IN ('CONFIRMING', 'UNKNOWN', 'REFUND_PENDING')
                  AND (next_settle_at IS NULL AND payment_attempted_at < :before OR next_settle_at <= :now)
                ORDER BY coalesce(next_settle_at, payment_attempted_at) LIMIT :limit""")
                .param("before", Timestamp.from(quietBefore)).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    /** Orders the reconciler gave up on, the most recent first, with the reason it gave. */
    public List<OrderReview> inManualReview(int limit) {
        return jdbc.sql("""
                SELECT * FROM orders WHERE payment_state = 'MANUAL_REVIEW' ORDER BY ended_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new OrderReview(map(rs), rs.getString("settle_note"), rs.getInt("settle_attempts")))
                .list();
    }

    public long countInManualReview() {
        return jdbc.sql("SELECT count(*) FROM orders WHERE payment_state = 'MANUAL_REVIEW'").query(Long.class).single();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
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
                paidAt == null ? null : paidAt.toInstant(), rs.getInt("settle_attempts"));
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
