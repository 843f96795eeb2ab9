package io.ticketrush.inventory.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-person limit as one row per (event, person). Taking tickets is a single conditional
 * upsert, so concurrent requests of one fan serialise on that row and cannot together pass it.
 */
@Repository
public class QuotaRows {

    private final JdbcClient jdbc;

    QuotaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code count} to the person's tickets for the event if the total stays within {@code limit}. */
    public boolean take(UUID eventId, UUID userId, int count, int limit) {
        if (count > limit) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO purchase_quotas (event_id, user_id, used) VALUES (:e, :u, :n)
                ON CONFLICT (event_id, user_id) DO UPDATE SET used = purchase_quotas.used + EXCLUDED.used
                WHERE purchase_quotas.used + EXCLUDED.used <= :limit""")
                .param("e", eventId).param("u", userId).param("n", count).param("limit", limit)
                .update() == 1;
    }

    public void giveBack(UUID eventId, UUID userId, int count) {
        jdbc.sql("UPDATE purchase_quotas SET used = greatest(used - :n, 0) WHERE event_id = :e AND user_id = :u")
                .param("e", eventId).param("u", userId).param("n", count)
                .update();
    }

    public int used(UUID eventId, UUID userId) {
        return jdbc.sql("SELECT coalesce((SELECT used FROM purchase_quotas WHERE event_id = :e AND user_id = :u), 0)")
                .param("e", eventId).param("u", userId).query(Integer.class).single();
    }
}
