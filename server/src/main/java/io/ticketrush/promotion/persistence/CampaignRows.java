package io.ticketrush.promotion.persistence;

import io.ticketrush.promotion.CouponCampaign;
import io.ticketrush.promotion.Discount;
import io.ticketrush.promotion.DiscountType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for coupon campaigns. */
@Repository
public class CampaignRows {

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CouponCampaign c) {
        jdbc.sql("""
                INSERT INTO coupon_campaigns (id, organizer_id, name, discount_type, discount_value, total_quantity,
                    per_person_limit, starts_at, ends_at, usable_until, min_order_amount, event_id, site_wide, created_at)
                VALUES (:id, :organizer, :name, :type, :value, :total, :limit, :starts, :ends, :usable, :minimum,
                    :event, :siteWide, :created)""")
                .param("id", c.id()).param("organizer", c.organizerId()).param("name", c.name())
                .param("type", c.discount().type().name()).param("value", c.discount().value())
                .param("total", c.totalQuantity()).param("limit", c.perPersonLimit())
                .param("starts", Timestamp.from(c.startsAt())).param("ends", Timestamp.from(c.endsAt()))
                .param("usable", Timestamp.from(c.usableUntil())).param("minimum", c.minOrderAmount())
                .param("event", c.eventId()).param("siteWide", c.siteWide()).param("created", Timestamp.from(c.createdAt()))
                .update();
    }

    public Optional<CouponCampaign> find(UUID id) {
        return jdbc.sql("SELECT * FROM coupon_campaigns WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Campaigns whose coupons may still be only in Redis: not settled yet. */
    public List<CouponCampaign> unsettled() {
        return jdbc.sql("SELECT * FROM coupon_campaigns WHERE settled_at IS NULL ORDER BY ends_at")
                .query((rs, n) -> map(rs)).list();
    }

    public List<CouponCampaign> ofOrganizer(UUID organizerId, int limit) {
        return jdbc.sql("SELECT * FROM coupon_campaigns WHERE organizer_id = :o ORDER BY created_at DESC LIMIT :limit")
                .param("o", organizerId).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    public boolean settle(UUID id, int issued, Instant now) {
        return jdbc.sql("UPDATE coupon_campaigns SET settled_at = :now, issued = :issued WHERE id = :id AND settled_at IS NULL")
                .param("id", id).param("issued", issued).param("now", Timestamp.from(now))
                .update() == 1;
    }

    static CouponCampaign map(ResultSet rs) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new CouponCampaign(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                rs.getString("name"),
                new Discount(DiscountType.valueOf(rs.getString("discount_type")), rs.getLong("discount_value")),
                rs.getInt("total_quantity"), rs.getInt("per_person_limit"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getTimestamp("usable_until").toInstant(),
                rs.getLong("min_order_amount"), rs.getObject("event_id", UUID.class), rs.getBoolean("site_wide"),
                rs.getTimestamp("created_at").toInstant(), settled == null ? null : settled.toInstant(),
                rs.getObject("issued", Integer.class));
    }
}
