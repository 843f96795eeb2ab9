package io.ticketrush.ticket.persistence;

import io.ticketrush.ticket.Ticket;
import io.ticketrush.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the tickets table. */
@Repository
public class TicketRows {

    private static final String COLUMNS = """
            id, order_id, owner_id, performance_id, seat_id, code, status, issued_at, checked_in_at""";

    private final JdbcClient jdbc;

    public TicketRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ticket about to be written: id and code are made before the insert. */
    public record NewTicket(UUID id, String seatId, String code) {
    }

    /**
     * Inserts the tickets of an order, skipping seats the order already has tickets for;
     * returns how many rows were new. A live ticket of another order for the same seat violates
     * {@code tickets_live_seat_uk} and fails the statement.
     */
    public int insert(UUID orderId, UUID ownerId, UUID performanceId, List<NewTicket> tickets, Instant now) {
        return jdbc.sql("""
                INSERT INTO tickets (id, order_id, owner_id, performance_id, seat_id, code, status, issued_at)
                SELECT t.id, :orderId, :ownerId, :performanceId, t.seat_id, t.code, 'VALID', :now
                FROM unnest(:ids::uuid[], :seatIds::text[], :codes::text[]) AS t(id, seat_id, code)
                ON CONFLICT (order_id, seat_id) DO NOTHING
                """)
                .param("orderId", orderId)
                .param("ownerId", ownerId)
                .param("performanceId", performanceId)
                .param("ids", tickets.stream().map(NewTicket::id).toArray(UUID[]::new))
                .param("seatIds", tickets.stream().map(NewTicket::seatId).toArray(String[]::new))
                .param("codes", tickets.stream().map(NewTicket::code).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<Ticket> forOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE order_id = :orderId ORDER BY seat_id")
                .param("orderId", orderId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The tickets of all these orders in one statement, by order then seat (each order's tickets as {@link #forOrder}). */
    public List<Ticket> forOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE order_id = ANY(:orderIds::uuid[]) ORDER BY order_id, seat_id")
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .query((rs, n) -> map(rs))
                .list();
    }

    public int cancelForOrder(UUID orderId) {
        return jdbc.sql("UPDATE tickets SET status = 'CANCELLED' WHERE order_id = :orderId AND status <> 'CANCELLED'")
                .param("orderId", orderId)
                .update();
    }

    public Optional<Ticket> find(UUID ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = :id")
                .param("id", ticketId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Newest first. */
    public List<Ticket> ownedBy(UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE owner_id = :ownerId ORDER BY issued_at DESC, id DESC")
                .param("ownerId", ownerId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * Admits a valid ticket in one conditional statement, so of two simultaneous scans exactly
     * one changes the row; empty when the ticket is not VALID (or not of that performance).
     */
    public Optional<Ticket> checkIn(UUID ticketId, UUID performanceId, UUID staffId, Instant now) {
        return jdbc.sql("""
                UPDATE tickets
                SET status = 'CHECKED_IN', checked_in_at = :now, checked_in_by = :staffId
                WHERE id = :id AND performance_id = :performanceId AND status = 'VALID'
                RETURNING\s""" + COLUMNS)
                .param("id", ticketId)
                .param("performanceId", performanceId)
                .param("staffId", staffId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static Ticket map(ResultSet rs) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getObject("performance_id", UUID.class),
                rs.getString("seat_id"), rs.getString("code"), TicketStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("issued_at").toInstant(), instant(rs.getTimestamp("checked_in_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
