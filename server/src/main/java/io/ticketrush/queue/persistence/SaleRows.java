package io.ticketrush.queue.persistence;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the waiting room's durable facts: the opening-draw seed per event and the token key. */
@Repository
public class SaleRows {

    private final JdbcClient jdbc;

    SaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SaleRow(UUID eventId, boolean queueEnabled, String seed, String commitment, Instant salesOpenAt,
            Instant salesEndAt, Instant createdAt, @Nullable Instant revealedAt, @Nullable Instant finishedAt) {
    }

    /** Records the sale with its seed; a second call for the same event keeps the first seed. */
    public void insertIfAbsent(UUID eventId, boolean queueEnabled, String seed, String commitment, Instant salesOpenAt,
            Instant salesEndAt, Instant now) {
        jdbc.sql("""
                INSERT INTO queue_sales (event_id, queue_enabled, seed, commitment, sales_open_at, sales_end_at, created_at)
                VALUES (:e, :enabled, :seed, :commitment, :open, :end, :now)
                ON CONFLICT (event_id) DO NOTHING""")
                .param("e", eventId).param("enabled", queueEnabled).param("seed", seed).param("commitment", commitment)
                .param("open", Timestamp.from(salesOpenAt)).param("end", Timestamp.from(salesEndAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<SaleRow> find(UUID eventId) {
        return jdbc.sql("SELECT * FROM queue_sales WHERE event_id = :e").param("e", eventId)
                .query((rs, n) -> new SaleRow(rs.getObject("event_id", UUID.class), rs.getBoolean("queue_enabled"),
                        rs.getString("seed"), rs.getString("commitment"), rs.getTimestamp("sales_open_at").toInstant(),
                        rs.getTimestamp("sales_end_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("revealed_at")), instant(rs.getTimestamp("finished_at"))))
                .optional();
    }

    /** Events whose line the gatekeeper must keep moving. */
    public List<UUID> live() {
        return jdbc.sql("SELECT event_id FROM queue_sales WHERE queue_enabled AND finished_at IS NULL ORDER BY sales_open_at")
                .query(UUID.class).list();
    }

    public void revealed(UUID eventId, Instant now) {
        jdbc.sql("UPDATE queue_sales SET revealed_at = :now WHERE event_id = :e AND revealed_at IS NULL")
                .param("e", eventId).param("now", Timestamp.from(now)).update();
    }

    public void finished(UUID eventId, Instant now) {
        jdbc.sql("UPDATE queue_sales SET finished_at = :now WHERE event_id = :e AND finished_at IS NULL")
                .param("e", eventId).param("now", Timestamp.from(now)).update();
    }

    /** The stored admission-token key, creating a random one first if there is none; safe when instances race. */
    public byte[] signingKey(int length, Instant now) {
        byte[] candidate = new byte[length];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("INSERT INTO queue_signing_key (id, key, created_at) VALUES (1, :key, :now) ON CONFLICT (id) DO NOTHING")
                .param("key", candidate).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT key FROM queue_signing_key WHERE id = 1").query(byte[].class).single();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
