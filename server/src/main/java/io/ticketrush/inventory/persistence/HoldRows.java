package io.ticketrush.inventory.persistence;

import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.HoldStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for holds. State changes are conditional updates that report whether they happened. */
@Repository
public class HoldRows {

    private static final String COLUMNS = """
            id, performance_id, event_id, user_id, seat_ids, grade_codes, prices, total_price, status,
            created_at, expires_at, order_id""";

    private final JdbcClient jdbc;

    HoldRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Hold hold) {
        jdbc.sql("""
                INSERT INTO holds (id, performance_id, event_id, user_id, seat_ids, grade_codes, prices, total_price,
                                   status, created_at, expires_at)
                VALUES (:id, :p, :e, :u, :seats, :grades, :prices, :total, 'ACTIVE', :created, :expires)""")
                .param("id", hold.id()).param("p", hold.performanceId()).param("e", hold.eventId())
                .param("u", hold.userId())
                .param("seats", hold.seats().stream().map(Hold.HeldSeat::seatId).toArray(String[]::new))
                .param("grades", hold.seats().stream().map(Hold.HeldSeat::gradeCode).toArray(String[]::new))
                .param("prices", hold.seats().stream().map(Hold.HeldSeat::price).toArray(Long[]::new))
                .param("total", hold.totalPrice())
                .param("created", Timestamp.from(hold.createdAt())).param("expires", Timestamp.from(hold.expiresAt()))
                .update();
    }

    public Optional<Hold> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE id = :id")
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Hold> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE id = :id FOR UPDATE")
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Hold> findByOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE order_id = :o")
                .param("o", orderId).query((rs, n) -> map(rs)).optional();
    }

    public List<Hold> activeOf(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE user_id = :u AND status = 'ACTIVE' ORDER BY created_at DESC")
                .param("u", userId).query((rs, n) -> map(rs)).list();
    }

    /** The event's ACTIVE holds not yet expired at {@code now} (rebuilding the waiting room after Redis lost it). */
    public List<Hold> liveOfEvent(UUID eventId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE event_id = :e AND status = 'ACTIVE' AND expires_at > :now")
                .param("e", eventId).param("now", Timestamp.from(now)).query((rs, n) -> map(rs)).list();
    }

    /** ACTIVE → another state, only if still ACTIVE. */
    public boolean end(UUID id, HoldStatus to, Instant now) {
        return jdbc.sql("UPDATE holds SET status = :to, ended_at = :now WHERE id = :id AND status = 'ACTIVE'")
                .param("id", id).param("to", to.name()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** ACTIVE and unexpired → SOLD to the order. */
    public boolean sell(UUID id, UUID orderId, Instant now) {
        return jdbc.sql("""
                UPDATE holds SET status = 'SOLD', ended_at = :now, order_id = :o
                WHERE id = :id AND status = 'ACTIVE' AND expires_at > :now""")
                .param("id", id).param("o", orderId).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Notes which order is paying for the hold (so an expiry can tell the order). */
    public boolean attachOrder(UUID id, UUID orderId) {
        return jdbc.sql("UPDATE holds SET order_id = :o WHERE id = :id AND status = 'ACTIVE' AND (order_id IS NULL OR order_id = :o)")
                .param("id", id).param("o", orderId)
                .update() == 1;
    }

    public boolean markReturned(UUID id, Instant now) {
        return jdbc.sql("UPDATE holds SET status = 'RETURNED', ended_at = :now WHERE id = :id AND status = 'SOLD'")
                .param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Locks a batch of expired ACTIVE holds, skipping any another transaction is working on. */
    public List<Hold> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM holds WHERE status = 'ACTIVE' AND expires_at <= :now
                ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    private static Hold map(ResultSet rs) throws SQLException {
        String[] seats = strings(rs.getArray("seat_ids"));
        String[] grades = strings(rs.getArray("grade_codes"));
        Long[] prices = (Long[]) rs.getArray("prices").getArray();
        List<Hold.HeldSeat> held = new ArrayList<>(seats.length);
        for (int i = 0; i < seats.length; i++) {
            held.add(new Hold.HeldSeat(seats[i], grades[i], prices[i]));
        }
        return new Hold(rs.getObject("id", UUID.class), rs.getObject("performance_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getObject("user_id", UUID.class), List.copyOf(held),
                rs.getLong("total_price"), HoldStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getObject("order_id", UUID.class));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
