package io.ticketrush.ticket.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for organizer_staff: who works the doors of which organizer (and, optionally, only which events). */
@Repository
public class StaffRows {

    private final JdbcClient jdbc;

    public StaffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An assignment; {@code eventIds} null means every event of the organizer. */
    public record Assignment(UUID organizerId, UUID userId, @Nullable List<UUID> eventIds, Instant assignedAt) {
    }

    /** Assigns, or replaces the events of an existing assignment. */
    public void assign(UUID organizerId, UUID userId, @Nullable List<UUID> eventIds, Instant now) {
        jdbc.sql("""
                INSERT INTO organizer_staff (organizer_id, user_id, event_ids, assigned_at)
                VALUES (:organizer, :user, :events, :now)
                ON CONFLICT (organizer_id, user_id) DO UPDATE SET event_ids = excluded.event_ids""")
                .param("organizer", organizerId).param("user", userId)
                .param("events", eventIds == null ? null : eventIds.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<Assignment> ofOrganizer(UUID organizerId) {
        return jdbc.sql("SELECT * FROM organizer_staff WHERE organizer_id = :organizer ORDER BY assigned_at, user_id")
                .param("organizer", organizerId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public boolean remove(UUID organizerId, UUID userId) {
        return jdbc.sql("DELETE FROM organizer_staff WHERE organizer_id = :organizer AND user_id = :user")
                .param("organizer", organizerId).param("user", userId)
                .update() == 1;
    }

    /** Whether the person is door staff of any organizer. */
    public boolean assignedAnywhere(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizer_staff WHERE user_id = :user)")
                .param("user", userId).query(Boolean.class).single();
    }

    /** Whether the person may work the doors of this event of this organizer. */
    public boolean admits(UUID organizerId, UUID userId, UUID eventId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM organizer_staff
                               WHERE organizer_id = :organizer AND user_id = :user
                                 AND (event_ids IS NULL OR :event = ANY (event_ids)))""")
                .param("organizer", organizerId).param("user", userId).param("event", eventId)
                .query(Boolean.class).single();
    }

    private static Assignment map(ResultSet rs) throws SQLException {
        Array events = rs.getArray("event_ids");
        return new Assignment(rs.getObject("organizer_id", UUID.class), rs.getObject("user_id", UUID.class),
                events == null ? null : Arrays.asList((UUID[]) events.getArray()),
                rs.getTimestamp("assigned_at").toInstant());
    }
}
