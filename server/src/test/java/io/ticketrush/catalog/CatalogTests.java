package io.ticketrush.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CatalogTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Shows shows;
    People people;
    People.Person organizer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shows = new Shows(api);
        people = new People(api, jdbc);
        organizer = people.organizer();
    }

    @Test
    void venueSeatIdsAndCounts() {
        String venueId = shows.venue(organizer.token(), 3, 7);
        Api.Response venue = api.get("/api/v1/venues/" + venueId, organizer.token());
        assertThat(venue.json().get("seatCount").asInt()).isEqualTo(2 * 3 * 7);
        List<String> seatIds = jdbc.sql("SELECT seat_id FROM venue_seats WHERE venue_id = :v::uuid ORDER BY sort_key")
                .param("v", venueId).query(String.class).list();
        assertThat(seatIds).hasSize(42).startsWith("A-1-1", "A-1-2").contains("B-3-7").doesNotHaveDuplicates();
    }

    @Test
    void badVenuesAreRejectedWithFieldErrors() {
        long before = count("venues");
        Api.Response duplicate = api.post("/api/v1/venues", organizer.token(), Map.of("name", "x", "address", "y",
                "sections", List.of(
                        Map.of("code", "A", "name", "a", "rows", List.of(Map.of("label", "1", "seats", 5))),
                        Map.of("code", "A", "name", "a2", "rows", List.of(Map.of("label", "1", "seats", 0))))));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.code()).isEqualTo("validation-failed");
        assertThat(duplicate.json().get("errors").findValuesAsString("field")).contains("sections[1].rows[0].seats");
        Api.Response dupCode = api.post("/api/v1/venues", organizer.token(), Map.of("name", "x", "address", "y",
                "sections", List.of(
                        Map.of("code", "A", "name", "a", "rows", List.of(Map.of("label", "1", "seats", 5))),
                        Map.of("code", "A", "name", "a2", "rows", List.of(Map.of("label", "1", "seats", 5))))));
        assertThat(dupCode.json().get("errors").findValuesAsString("field")).contains("sections[1].code");
        Api.Response hyphen = api.post("/api/v1/venues", organizer.token(), Map.of("name", "x", "address", "y",
                "sections", List.of(Map.of("code", "A-1", "name", "a", "rows", List.of(Map.of("label", "1", "seats", 5))))));
        assertThat(hyphen.status()).isEqualTo(400);
        assertThat(count("venues")).isEqualTo(before);
    }

    @Test
    void eventValidationNamesEveryBadField() {
        String venueId = shows.venue(organizer.token(), 2, 5);
        OffsetDateTime open = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1);
        long before = count("events");

        expectFieldError(venueId, open, b -> b.put("venueId", UUID.randomUUID().toString()), "venueId");
        expectFieldError(venueId, open, b -> b.put("venueId", "not-a-uuid"), "venueId");
        expectFieldError(venueId, open, b -> b.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP", "price", 1000, "sections", List.of("Z")))), "grades[0].sections");
        expectFieldError(venueId, open, b -> b.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP", "price", 1000, "sections", List.of("A")),
                Map.of("code", "R", "name", "R", "price", 1000, "sections", List.of("A", "B")))), "grades[1].sections");
        expectFieldError(venueId, open, b -> b.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP", "price", 0, "sections", List.of("A")))), "grades[0].price");
        expectFieldError(venueId, open, b -> b.put("salesCloseAt", open.minusDays(1).toString()), "salesCloseAt");
        expectFieldError(venueId, open, b -> b.put("performances", List.of()), "performances");
        expectFieldError(venueId, open, b -> b.put("category", "OPERA"), "category");
        expectFieldError(venueId, open, b -> b.put("maxTicketsPerPerson", 0), "maxTicketsPerPerson");

        assertThat(count("events")).isEqualTo(before);
    }

    @Test
    void publishedEventsAreListedAndDraftsAreHidden() {
        String venueId = shows.venue(organizer.token(), 2, 5);
        Map<String, Object> body = shows.eventBody(venueId, 4, OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(2));
        body.put("title", "뮤지컬 레미제라블 " + UUID.randomUUID());
        body.put("category", "MUSICAL");
        Api.Response draft = api.post("/api/v1/events", organizer.token(), body);
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        String eventId = draft.json().get("eventId").asString();

        People.Person stranger = people.fan();
        assertThat(api.get("/api/v1/events/" + eventId, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + eventId, organizer.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events/" + eventId + "/publish", people.organizer().token(), Map.of()).status())
                .as("another organizer cannot publish it").isEqualTo(404);

        assertThat(api.post("/api/v1/events/" + eventId + "/publish", organizer.token(), Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events/" + eventId + "/publish", organizer.token(), Map.of()).code()).isEqualTo("already-published");

        Api.Response detail = api.get("/api/v1/events/" + eventId, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("grades").size()).isEqualTo(2);
        assertThat(detail.json().get("maxTicketsPerPerson").asInt()).isEqualTo(4);

        Api.Response found = api.get("/api/v1/events?q=레미제라블&category=MUSICAL", null);
        assertThat(found.json().get("items").findValuesAsString("eventId")).containsExactly(eventId);
        assertThat(found.json().get("items").get(0).get("minPrice").asLong()).isEqualTo(99000);
        assertThat(api.get("/api/v1/events?q=레미제라블&category=SPORTS", null).json().get("items").size()).isZero();
        assertThat(api.get("/api/v1/events?size=1000", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events?category=NOPE", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events/not-a-uuid", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events/" + UUID.randomUUID(), null).code()).isEqualTo("unknown-event");
    }

    @Test
    void onlyOrganizersManageTheCatalog() {
        People.Person fan = people.fan();
        Api.Response asFan = api.post("/api/v1/venues", fan.token(), Map.of("name", "x", "address", "y", "sections", List.of()));
        assertThat(asFan.status()).isEqualTo(403);
        assertThat(asFan.code()).isEqualTo("forbidden");
        assertThat(api.post("/api/v1/venues", null, Map.of()).status()).isEqualTo(401);
    }

    private void expectFieldError(String venueId, OffsetDateTime open, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = new HashMap<>(shows.eventBody(venueId, 4, open));
        change.accept(body);
        Api.Response response = api.post("/api/v1/events", organizer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
