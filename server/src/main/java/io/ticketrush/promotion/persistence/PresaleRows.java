package io.ticketrush.promotion.persistence;

import io.ticketrush.promotion.PresaleWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for presale windows and their access codes. A use is one conditional update of the code's row. */
@Repository
public class PresaleRows {

    private final JdbcClient jdbc;

    PresaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID eventId, Instant opensAt, UUID organizerId, Instant now) {
        jdbc.sql("""
                INSERT INTO presales (event_id, opens_at, organizer_id, updated_at) VALUES (:e, :opens, :o, :now)
                ON CONFLICT (event_id) DO UPDATE SET opens_at = EXCLUDED.opens_at, updated_at = EXCLUDED.updated_at""")
                .param("e", eventId).param("opens", Timestamp.from(opensAt)).param("o", organizerId)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<PresaleWindow> window(UUID eventId) {
        return jdbc.sql("SELECT event_id, opens_at FROM presales WHERE event_id = :e").param("e", eventId)
                .query((rs, n) -> new PresaleWindow(rs.getObject("event_id", UUID.class), rs.getTimestamp("opens_at").toInstant()))
                .optional();
    }

    /** Inserts the codes that are not taken; returns how many were. */
    public int insertCodes(UUID eventId, UUID batchId, List<String> codes, int usesAllowed, Instant now) {
        return jdbc.sql("""
                INSERT INTO presale_codes (event_id, code, batch_id, uses_allowed, created_at)
                SELECT :e, code, :batch, :uses, :now FROM unnest(:codes::text[]) AS code
                ON CONFLICT DO NOTHING""")
                .param("e", eventId).param("batch", batchId).param("uses", usesAllowed)
                .param("now", Timestamp.from(now)).param("codes", codes.toArray(String[]::new))
                .update();
    }

    public int countCodes(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM presale_codes WHERE event_id = :e").param("e", eventId)
                .query(Integer.class).single();
    }

    /** Counts one use of the code if it has one left. */
    public boolean use(UUID eventId, String code, Instant now) {
        return jdbc.sql("""
                UPDATE presale_codes SET uses = uses + 1, last_used_at = :now
                WHERE event_id = :e AND code = :c AND uses < uses_allowed""")
                .param("e", eventId).param("c", code).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean exists(UUID eventId, String code) {
        return jdbc.sql("SELECT count(*) FROM presale_codes WHERE event_id = :e AND code = :c")
                .param("e", eventId).param("c", code).query(Integer.class).single() > 0;
    }

    /** One code as the CSV lists it. */
    public record CodeRow(String code, int usesAllowed, int uses, UUID batchId, Instant createdAt) {
    }

    /** Streams every code of the event, oldest batch first, to {@code sink}. */
    public void eachCode(UUID eventId, java.util.function.Consumer<CodeRow> sink) {
        jdbc.sql("""
                SELECT code, uses_allowed, uses, batch_id, created_at FROM presale_codes
                WHERE event_id = :e ORDER BY created_at, code""")
                .param("e", eventId)
                .query(rs -> {
                    sink.accept(new CodeRow(rs.getString("code"), rs.getInt("uses_allowed"), rs.getInt("uses"),
                            rs.getObject("batch_id", UUID.class), rs.getTimestamp("created_at").toInstant()));
                });
    }

    /** One batch of codes: how many, uses each allows, uses so far. */
    public record BatchRow(UUID batchId, int codes, int usesPerCode, long uses, Instant createdAt) {
    }

    public List<BatchRow> batches(UUID eventId) {
        return jdbc.sql("""
                SELECT batch_id, count(*) AS codes, max(uses_allowed) AS uses_allowed, sum(uses) AS uses,
                       min(created_at) AS created_at
                FROM presale_codes WHERE event_id = :e GROUP BY batch_id ORDER BY min(created_at)""")
                .param("e", eventId)
                .query((rs, n) -> new BatchRow(rs.getObject("batch_id", UUID.class), rs.getInt("codes"),
                        rs.getInt("uses_allowed"), rs.getLong("uses"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
