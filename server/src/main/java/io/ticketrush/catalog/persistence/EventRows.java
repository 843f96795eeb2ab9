package io.ticketrush.catalog.persistence;

import io.ticketrush.catalog.Category;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.EventPlan;
import io.ticketrush.catalog.EventQuery;
import io.ticketrush.catalog.EventStatus;
import io.ticketrush.catalog.EventSummary;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.QueueSettings;
import io.ticketrush.catalog.SellableSeat;
import io.ticketrush.shared.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for events, grades, grade sections and performances. */
@Repository
public class EventRows {

    private final JdbcClient jdbc;

    EventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID organizerId, EventPlan plan, Instant now) {
        jdbc.sql("""
                INSERT INTO events (id, organizer_id, title, category, venue_id, description, sales_open_at,
                    sales_close_at, max_tickets_per_person, queue_enabled, queue_outflow_per_second,
                    queue_max_active_shoppers, status, created_at)
                VALUES (:id, :organizer, :title, :category, :venue, :description, :open, :close, :limit,
                    :queueEnabled, :outflow, :maxActive, 'DRAFT', :now)""")
                .param("id", id).param("organizer", organizerId).param("title", plan.title())
                .param("category", plan.category().name()).param("venue", plan.venueId())
                .param("description", plan.description()).param("open", Timestamp.from(plan.salesOpenAt()))
                .param("close", Timestamp.from(plan.salesCloseAt())).param("limit", plan.maxTicketsPerPerson())
                .param("queueEnabled", plan.queue().enabled()).param("outflow", plan.queue().outflowPerSecond())
                .param("maxActive", plan.queue().maxActiveShoppers()).param("now", Timestamp.from(now))
                .update();
        for (int g = 0; g < plan.grades().size(); g++) {
            Grade grade = plan.grades().get(g);
            jdbc.sql("INSERT INTO event_grades (event_id, code, name, price, position) VALUES (:e, :code, :name, :price, :pos)")
                    .param("e", id).param("code", grade.code()).param("name", grade.name())
                    .param("price", grade.price()).param("pos", g)
                    .update();
            for (String section : grade.sections()) {
                jdbc.sql("INSERT INTO grade_sections (event_id, grade_code, section_code) VALUES (:e, :g, :s)")
                        .param("e", id).param("g", grade.code()).param("s", section)
                        .update();
            }
        }
        for (Instant startsAt : plan.performances()) {
            jdbc.sql("INSERT INTO performances (id, event_id, starts_at) VALUES (:id, :e, :at)")
                    .param("id", Ids.next()).param("e", id).param("at", Timestamp.from(startsAt))
                    .update();
        }
    }

    public boolean markPublished(UUID id, Instant now) {
        return jdbc.sql("UPDATE events SET status = 'PUBLISHED', published_at = :now WHERE id = :id AND status = 'DRAFT'")
                .param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<Event> find(UUID id) {
        return jdbc.sql("""
                SELECT e.*, v.name AS venue_name FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Event(
                        rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class), rs.getString("title"),
                        Category.valueOf(rs.getString("category")), rs.getObject("venue_id", UUID.class),
                        rs.getString("venue_name"), rs.getString("description"),
                        rs.getTimestamp("sales_open_at").toInstant(), rs.getTimestamp("sales_close_at").toInstant(),
                        rs.getInt("max_tickets_per_person"), grades(id), performances(id),
                        new QueueSettings(rs.getBoolean("queue_enabled"), rs.getInt("queue_outflow_per_second"),
                                rs.getInt("queue_max_active_shoppers")),
                        EventStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    public Optional<UUID> eventOfPerformance(UUID performanceId) {
        return jdbc.sql("SELECT event_id FROM performances WHERE id = :id").param("id", performanceId)
                .query(UUID.class).optional();
    }

    public List<Event> ownedBy(UUID organizerId) {
        return jdbc.sql("SELECT id FROM events WHERE organizer_id = :o ORDER BY created_at DESC LIMIT 200")
                .param("o", organizerId)
                .query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    private static final String LISTING_FILTER = """
            FROM events e JOIN venues v ON v.id = e.venue_id
            WHERE e.status = 'PUBLISHED'
              AND (CAST(:q AS TEXT) IS NULL OR e.title ILIKE '%' || :q || '%' OR e.description ILIKE '%' || :q || '%'
                   OR v.name ILIKE '%' || :q || '%')
              AND (CAST(:category AS TEXT) IS NULL OR e.category = :category)
              AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR EXISTS (SELECT 1 FROM performances p WHERE p.event_id = e.id AND p.starts_at >= :from))
              AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR EXISTS (SELECT 1 FROM performances p WHERE p.event_id = e.id AND p.starts_at < :to))
            """;

    public List<EventSummary> search(EventQuery query) {
        return filtered("""
                SELECT e.id, e.title, e.category, v.name AS venue_name, e.sales_open_at,
                       (SELECT min(starts_at) FROM performances p WHERE p.event_id = e.id) AS first_starts_at,
                       (SELECT min(price) FROM event_grades g WHERE g.event_id = e.id) AS min_price
                """ + LISTING_FILTER + """
                ORDER BY first_starts_at, e.id
                LIMIT :limit OFFSET :offset""", query)
                .param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, n) -> new EventSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                        Category.valueOf(rs.getString("category")), rs.getString("venue_name"),
                        rs.getTimestamp("first_starts_at").toInstant(), rs.getTimestamp("sales_open_at").toInstant(),
                        rs.getLong("min_price")))
                .list();
    }

    public long count(EventQuery query) {
        return filtered("SELECT count(*) " + LISTING_FILTER, query).query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String sql, EventQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null
                : query.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql(sql)
                .param("q", text)
                .param("category", query.category() == null ? null : query.category().name())
                .param("from", query.from() == null ? null : Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : Timestamp.from(query.to()));
    }

    /** The seats of the venue that the event's grades put on sale. */
    public List<SellableSeat> sellableSeats(UUID eventId) {
        return jdbc.sql("""
                SELECT s.seat_id, s.section_code, s.row_label, s.seat_number, s.sort_key, gs.grade_code
                FROM events e
                JOIN grade_sections gs ON gs.event_id = e.id
                JOIN venue_seats s ON s.venue_id = e.venue_id AND s.section_code = gs.section_code
                WHERE e.id = :e
                ORDER BY s.sort_key""")
                .param("e", eventId)
                .query((rs, n) -> new SellableSeat(rs.getString("seat_id"), rs.getString("section_code"),
                        rs.getString("row_label"), rs.getInt("seat_number"), rs.getInt("sort_key"),
                        rs.getString("grade_code")))
                .list();
    }

    private List<Grade> grades(UUID eventId) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, price FROM event_grades WHERE event_id = :e ORDER BY position")
                .param("e", eventId)
                .query((rs, n) -> new Grade(rs.getString("code"), rs.getString("name"), rs.getLong("price"), new ArrayList<>()))
                .list()
                .forEach(g -> grades.put(g.code(), g));
        jdbc.sql("""
                SELECT gs.grade_code, gs.section_code FROM grade_sections gs
                JOIN events e ON e.id = gs.event_id
                JOIN venue_sections vs ON vs.venue_id = e.venue_id AND vs.code = gs.section_code
                WHERE gs.event_id = :e ORDER BY vs.position""")
                .param("e", eventId)
                .query((rs, n) -> Map.entry(rs.getString("grade_code"), rs.getString("section_code")))
                .list()
                .forEach(e -> grades.get(e.getKey()).sections().add(e.getValue()));
        return grades.values().stream().map(g -> new Grade(g.code(), g.name(), g.price(), List.copyOf(g.sections()))).toList();
    }

    private List<Event.Performance> performances(UUID eventId) {
        return jdbc.sql("SELECT id, starts_at FROM performances WHERE event_id = :e ORDER BY starts_at")
                .param("e", eventId)
                .query((rs, n) -> new Event.Performance(rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant()))
                .list();
    }
}
