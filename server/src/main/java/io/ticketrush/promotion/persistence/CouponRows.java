package io.ticketrush.promotion.persistence;

import io.ticketrush.promotion.Coupon;
import io.ticketrush.promotion.IssuedCoupon;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for issued coupons. Storing is idempotent (a stream entry delivered twice, or repaired by
 * the reconciler while the writer stores it, is one row); every redemption step is a conditional
 * update that reports whether it happened.
 */
@Repository
public class CouponRows {

    private static final String SELECT = """
            SELECT k.*, c.id AS coupon_id, c.user_id, c.seq, c.fan_seq, c.claimed_at, c.order_id, c.discount,
                   c.reserved_at, c.used_at
            FROM coupons c JOIN coupon_campaigns k ON k.id = c.campaign_id
            """;

    private final JdbcClient jdbc;

    CouponRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the coupons not stored yet, in one statement; returns how many were new. */
    public int storeAll(List<IssuedCoupon> coupons) {
        if (coupons.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO coupons (id, campaign_id, user_id, seq, fan_seq, claimed_at)
                SELECT * FROM unnest(:ids::uuid[], :campaigns::uuid[], :users::uuid[], :seqs::int[], :fanSeqs::int[],
                                     :claimed::timestamptz[])
                ON CONFLICT DO NOTHING""")
                .param("ids", coupons.stream().map(c -> c.couponId().toString()).toArray(String[]::new))
                .param("campaigns", coupons.stream().map(c -> c.campaignId().toString()).toArray(String[]::new))
                .param("users", coupons.stream().map(c -> c.userId().toString()).toArray(String[]::new))
                .param("seqs", coupons.stream().map(IssuedCoupon::seq).toArray(Integer[]::new))
                .param("fanSeqs", coupons.stream().map(IssuedCoupon::fanSeq).toArray(Integer[]::new))
                .param("claimed", coupons.stream().map(c -> c.claimedAt().toString()).toArray(String[]::new))
                .update();
    }

    /** Which of these coupons are stored. */
    public Set<UUID> stored(List<UUID> couponIds) {
        if (couponIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM coupons WHERE id = ANY(:ids::uuid[])")
                .param("ids", couponIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list());
    }

    public int count(UUID campaignId) {
        return jdbc.sql("SELECT count(*) FROM coupons WHERE campaign_id = :c").param("c", campaignId)
                .query(Integer.class).single();
    }

    public int maxSeq(UUID campaignId) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM coupons WHERE campaign_id = :c").param("c", campaignId)
                .query(Integer.class).single();
    }

    /** Stored coupons of the campaign numbered above {@code seq}, in order. */
    public List<IssuedCoupon> issuedAfter(UUID campaignId, int seq, int limit) {
        return jdbc.sql("""
                SELECT id, campaign_id, user_id, seq, fan_seq, claimed_at FROM coupons
                WHERE campaign_id = :c AND seq > :seq ORDER BY seq LIMIT :limit""")
                .param("c", campaignId).param("seq", seq).param("limit", limit)
                .query((rs, n) -> new IssuedCoupon(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getInt("seq"), rs.getInt("fan_seq"),
                        rs.getTimestamp("claimed_at").toInstant()))
                .list();
    }

    public List<Coupon> ofUser(UUID userId, int limit) {
        return jdbc.sql(SELECT + " WHERE c.user_id = :u ORDER BY c.claimed_at DESC LIMIT :limit")
                .param("u", userId).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    public Optional<Coupon> find(UUID couponId) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", couponId).query((rs, n) -> map(rs)).optional();
    }

    /** Locks the coupon row for the rest of the transaction (an order is being placed with it). */
    public Optional<Coupon> findForUpdate(UUID couponId) {
        return jdbc.sql(SELECT + " WHERE c.id = :id FOR UPDATE OF c").param("id", couponId)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Puts a free coupon of the person on the order. */
    public boolean reserve(UUID couponId, UUID userId, UUID orderId, long discount, Instant now) {
        return jdbc.sql("""
                UPDATE coupons SET order_id = :o, discount = :d, reserved_at = :now
                WHERE id = :id AND user_id = :u AND order_id IS NULL AND used_at IS NULL""")
                .param("id", couponId).param("u", userId).param("o", orderId).param("d", discount)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** The order's coupon has paid it; returns how many coupons changed (0 or 1). */
    public int consume(UUID orderId, Instant now) {
        return jdbc.sql("UPDATE coupons SET used_at = :now WHERE order_id = :o AND used_at IS NULL")
                .param("o", orderId).param("now", Timestamp.from(now)).update();
    }

    /** The order ended unpaid: its coupon is free again; returns how many coupons changed (0 or 1). */
    public int release(UUID orderId) {
        return jdbc.sql("""
                UPDATE coupons SET order_id = NULL, discount = NULL, reserved_at = NULL
                WHERE order_id = :o AND used_at IS NULL""")
                .param("o", orderId).update();
    }

    private static Coupon map(ResultSet rs) throws SQLException {
        Timestamp reserved = rs.getTimestamp("reserved_at");
        Timestamp used = rs.getTimestamp("used_at");
        return new Coupon(rs.getObject("coupon_id", UUID.class), CampaignRows.map(rs), rs.getObject("user_id", UUID.class),
                rs.getInt("seq"), rs.getInt("fan_seq"), rs.getTimestamp("claimed_at").toInstant(),
                rs.getObject("order_id", UUID.class), rs.getObject("discount", Long.class),
                reserved == null ? null : reserved.toInstant(), used == null ? null : used.toInstant(), true);
    }
}
