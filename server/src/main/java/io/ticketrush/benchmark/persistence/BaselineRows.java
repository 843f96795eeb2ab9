package io.ticketrush.benchmark.persistence;

import io.ticketrush.benchmark.BaselineHold;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the baselines, against the same tables as the real hold. Unlike the real claim
 * ({@code FOR UPDATE SKIP LOCKED}), {@link #lockSeats} waits for other transactions' row locks:
 * that wait is what the pessimistic baseline measures.
 */
@Repository
@Profile("benchmark")
public class BaselineRows {

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;

    BaselineRows(JdbcClient jdbc, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    public record SeatRow(String seatId, String gradeCode, String status) {
    }

    /** {@code SELECT ... FOR UPDATE}: blocks until every listed seat's row lock is ours (sorted, no deadlock). */
    public List<SeatRow> lockSeats(UUID performanceId, List<String> seatIds) {
        return jdbc.sql("""
                SELECT seat_id, grade_code, status FROM seat_inventory
                WHERE performance_id = :p AND seat_id = ANY(:ids)
                ORDER BY seat_id
                FOR UPDATE""")
                .param("p", performanceId).param("ids", seatIds.toArray(String[]::new))
                .query((rs, n) -> new SeatRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A plain read: under a distributed lock, the lock is what keeps others out. */
    public List<SeatRow> readSeats(UUID performanceId, List<String> seatIds) {
        return jdbc.sql("""
                SELECT seat_id, grade_code, status FROM seat_inventory
                WHERE performance_id = :p AND seat_id = ANY(:ids)
                ORDER BY seat_id""")
                .param("p", performanceId).param("ids", seatIds.toArray(String[]::new))
                .query((rs, n) -> new SeatRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Marks the seats held; the caller already checked (under its lock) that they were available. */
    public int markHeld(UUID performanceId, List<String> seatIds, UUID holdId) {
        return jdbc.sql("""
                UPDATE seat_inventory SET status = 'HELD', hold_id = :hold
                WHERE performance_id = :p AND seat_id = ANY(:ids)""")
                .param("p", performanceId).param("ids", seatIds.toArray(String[]::new)).param("hold", holdId)
                .update();
    }

    /** The per-person limit, the same conditional upsert as the real hold. */
    public boolean takeQuota(UUID eventId, UUID userId, int count, int limit) {
        return count <= limit && jdbc.sql("""
                INSERT INTO purchase_quotas (event_id, user_id, used) VALUES (:e, :u, :n)
                ON CONFLICT (event_id, user_id) DO UPDATE SET used = purchase_quotas.used + EXCLUDED.used
                WHERE purchase_quotas.used + EXCLUDED.used <= :limit""")
                .param("e", eventId).param("u", userId).param("n", count).param("limit", limit)
                .update() == 1;
    }

    public void insertHold(BaselineHold hold, java.time.Instant createdAt) {
        jdbc.sql("""
                INSERT INTO holds (id, performance_id, event_id, user_id, seat_ids, grade_codes, prices, total_price,
                                   status, created_at, expires_at)
                VALUES (:id, :p, :e, :u, :seats, :grades, :prices, :total, 'ACTIVE', :created, :expires)""")
                .param("id", hold.id()).param("p", hold.performanceId()).param("e", hold.eventId())
                .param("u", hold.userId())
                .param("seats", hold.seats().stream().map(BaselineHold.Seat::seatId).toArray(String[]::new))
                .param("grades", hold.seats().stream().map(BaselineHold.Seat::gradeCode).toArray(String[]::new))
                .param("prices", hold.seats().stream().map(BaselineHold.Seat::price).toArray(Long[]::new))
                .param("total", hold.totalPrice())
                .param("created", Timestamp.from(createdAt)).param("expires", Timestamp.from(hold.expiresAt()))
                .update();
    }

    /**
     * Tells cached seat maps that the performance changed, as the real hold does after commit
     * (same key as inventory's SeatMapChanges), so both paths pay for the same Redis call.
     */
    public void seatMapChanged(UUID performanceId) {
        redis.opsForValue().increment("inventory:{perf:" + performanceId + "}:version");
    }
}
