package io.ticketrush.benchmark.persistence;

import io.ticketrush.benchmark.BaselineCoupon;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the coupon baselines, on their own tables ({@code benchmark_coupon_campaigns},
 * {@code benchmark_coupons}). {@link #lockStock} waits for other transactions' lock on the stock
 * row: that wait is what the pessimistic baseline measures.
 */
@Repository
@Profile("benchmark")
public class BaselineCouponRows {

    private final JdbcClient jdbc;

    BaselineCouponRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stock(UUID campaignId, int totalQuantity, int perPersonLimit, Instant startsAt, Instant endsAt, int issued) {
    }

    public void insertStock(UUID id, int totalQuantity, int perPersonLimit, Instant startsAt, Instant endsAt, Instant now) {
        jdbc.sql("""
                INSERT INTO benchmark_coupon_campaigns (id, total_quantity, per_person_limit, starts_at, ends_at, issued, created_at)
                VALUES (:id, :total, :limit, :starts, :ends, 0, :now)""")
                .param("id", id).param("total", totalQuantity).param("limit", perPersonLimit)
                .param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt)).param("now", Timestamp.from(now))
                .update();
    }

    /** {@code SELECT ... FOR UPDATE}: blocks until the campaign's stock row lock is ours. */
    public Optional<Stock> lockStock(UUID campaignId) {
        return jdbc.sql(STOCK + " FOR UPDATE").param("id", campaignId).query(BaselineCouponRows::stock).optional();
    }

    /** A plain read: under a distributed lock, the lock is what keeps others out. */
    public Optional<Stock> readStock(UUID campaignId) {
        return jdbc.sql(STOCK).param("id", campaignId).query(BaselineCouponRows::stock).optional();
    }

    public int heldBy(UUID campaignId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM benchmark_coupons WHERE campaign_id = :c AND user_id = :u")
                .param("c", campaignId).param("u", userId).query(Integer.class).single();
    }

    public void insertCoupon(BaselineCoupon coupon) {
        jdbc.sql("""
                INSERT INTO benchmark_coupons (id, campaign_id, user_id, seq, claimed_at)
                VALUES (:id, :c, :u, :seq, :at)""")
                .param("id", coupon.couponId()).param("c", coupon.campaignId()).param("u", coupon.userId())
                .param("seq", coupon.seq()).param("at", Timestamp.from(coupon.claimedAt()))
                .update();
    }

    public void countIssued(UUID campaignId) {
        jdbc.sql("UPDATE benchmark_coupon_campaigns SET issued = issued + 1 WHERE id = :c").param("c", campaignId).update();
    }

    private static final String STOCK = """
            SELECT id, total_quantity, per_person_limit, starts_at, ends_at, issued
            FROM benchmark_coupon_campaigns WHERE id = :id""";

    private static Stock stock(ResultSet rs, int row) throws SQLException {
        return new Stock(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(), rs.getInt(6));
    }
}
