package io.ticketrush.catalog.persistence;

import io.ticketrush.catalog.Venue;
import io.ticketrush.catalog.VenuePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for venues, their sections and seats. */
@Repository
public class VenueRows {

    private final JdbcClient jdbc;

    VenueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, VenuePlan plan, UUID organizerId, Instant now) {
        List<VenuePlan.SeatPlace> seats = plan.seats();
        jdbc.sql("""
                INSERT INTO venues (id, name, address, seat_count, created_by, created_at)
                VALUES (:id, :name, :address, :seats, :by, :now)""")
                .param("id", id).param("name", plan.name()).param("address", plan.address())
                .param("seats", seats.size()).param("by", organizerId).param("now", Timestamp.from(now))
                .update();
        List<VenuePlan.Section> sections = plan.sections();
        jdbc.sql("""
                INSERT INTO venue_sections (venue_id, code, name, position)
                SELECT :id, code, name, position - 1
                FROM unnest(:codes::text[], :names::text[]) WITH ORDINALITY AS t(code, name, position)""")
                .param("id", id)
                .param("codes", sections.stream().map(VenuePlan.Section::code).toArray(String[]::new))
                .param("names", sections.stream().map(VenuePlan.Section::name).toArray(String[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO venue_seats (venue_id, seat_id, section_code, row_label, seat_number, sort_key)
                SELECT :id, seat_id, section_code, row_label, seat_number, sort_key
                FROM unnest(:seatIds::text[], :sections::text[], :rows::text[], :numbers::int[], :keys::int[])
                  AS t(seat_id, section_code, row_label, seat_number, sort_key)""")
                .param("id", id)
                .param("seatIds", seats.stream().map(VenuePlan.SeatPlace::seatId).toArray(String[]::new))
                .param("sections", seats.stream().map(VenuePlan.SeatPlace::sectionCode).toArray(String[]::new))
                .param("rows", seats.stream().map(VenuePlan.SeatPlace::rowLabel).toArray(String[]::new))
                .param("numbers", seats.stream().map(VenuePlan.SeatPlace::number).toArray(Integer[]::new))
                .param("keys", seats.stream().map(VenuePlan.SeatPlace::sortKey).toArray(Integer[]::new))
                .update();
    }

    public Optional<Venue> find(UUID id) {
        return jdbc.sql("SELECT id, name, address, seat_count, created_by, shared FROM venues WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> venue(rs, sections(id)))
                .optional();
    }

    /** The newest venues this organizer may use: their own and the shared ones (every venue for an ADMIN). */
    public List<Venue> usableBy(UUID organizerId, boolean admin) {
        return jdbc.sql("""
                SELECT id, name, address, seat_count, created_by, shared FROM venues
                WHERE :admin OR created_by = :organizer OR shared
                ORDER BY created_at DESC LIMIT 200""")
                .param("admin", admin).param("organizer", organizerId)
                .query((rs, n) -> venue(rs, List.of()))
                .list();
    }

    public boolean share(UUID id, boolean shared) {
        return jdbc.sql("UPDATE venues SET shared = :shared WHERE id = :id")
                .param("id", id).param("shared", shared).update() == 1;
    }

    private static Venue venue(ResultSet rs, List<Venue.SectionInfo> sections) throws SQLException {
        return new Venue(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"),
                rs.getInt("seat_count"), sections, rs.getObject("created_by", UUID.class), rs.getBoolean("shared"));
    }

    private List<Venue.SectionInfo> sections(UUID venueId) {
        return jdbc.sql("SELECT code, name FROM venue_sections WHERE venue_id = :id ORDER BY position")
                .param("id", venueId)
                .query((rs, n) -> new Venue.SectionInfo(rs.getString("code"), rs.getString("name")))
                .list();
    }
}
