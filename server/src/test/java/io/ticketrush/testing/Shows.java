package io.ticketrush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds venues and events through the organizer API. */
public final class Shows {

    private final Api api;

    public Shows(Api api) {
        this.api = api;
    }

    public record Show(String venueId, String eventId, String performanceId, List<String> performanceIds) {
    }

    /** A venue with sections A (VIP) and B (R), {@code rows} rows of {@code seatsPerRow} each. */
    public String venue(String organizerToken, int rows, int seatsPerRow) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String code : List.of("A", "B")) {
            List<Map<String, Object>> rowList = new ArrayList<>();
            for (int r = 1; r <= rows; r++) {
                rowList.add(Map.of("label", String.valueOf(r), "seats", seatsPerRow));
            }
            sections.add(Map.of("code", code, "name", code + "구역", "rows", rowList));
        }
        Api.Response venue = api.post("/api/v1/venues", organizerToken,
                Map.of("name", "테스트 홀", "address", "서울", "sections", sections));
        assertThat(venue.status()).as(venue.toString()).isEqualTo(201);
        return venue.json().get("venueId").asString();
    }

    public Map<String, Object> eventBody(String venueId, int maxPerPerson, OffsetDateTime salesOpenAt) {
        OffsetDateTime show = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(40).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "테스트 공연 " + System.nanoTime());
        body.put("category", "CONCERT");
        body.put("venueId", venueId);
        body.put("description", "test");
        body.put("salesOpenAt", salesOpenAt.toString());
        body.put("salesCloseAt", show.minusHours(2).toString());
        body.put("maxTicketsPerPerson", maxPerPerson);
        body.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP석", "price", 150000, "sections", List.of("A")),
                Map.of("code", "R", "name", "R석", "price", 99000, "sections", List.of("B"))));
        body.put("performances", List.of(Map.of("startsAt", show.toString())));
        return body;
    }

    /** A published show on sale since an hour ago. */
    public Show onSale(String organizerToken, int rows, int seatsPerRow, int maxPerPerson) {
        String venueId = venue(organizerToken, rows, seatsPerRow);
        return publish(organizerToken, venueId,
                eventBody(venueId, maxPerPerson, OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1).withNano(0)));
    }

    /**
     * A published show whose one performance starts in two hours: its door is open now (the check-in
     * window opens six hours before the start), without moving the clock.
     */
    public Show tonight(String organizerToken, int rows, int seatsPerRow) {
        String venueId = venue(organizerToken, rows, seatsPerRow);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
        Map<String, Object> body = eventBody(venueId, 4, now.minusHours(1));
        body.put("salesCloseAt", now.plusHours(1).toString());
        body.put("performances", List.of(Map.of("startsAt", now.plusHours(2).toString())));
        return publish(organizerToken, venueId, body);
    }

    public Show publish(String organizerToken, String venueId, Map<String, Object> body) {
        Api.Response event = api.post("/api/v1/events", organizerToken, body);
        assertThat(event.status()).as(event.toString()).isEqualTo(201);
        String eventId = event.json().get("eventId").asString();
        Api.Response published = api.post("/api/v1/events/" + eventId + "/publish", organizerToken, Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        List<String> performances = event.json().get("performances").findValuesAsString("performanceId");
        return new Show(venueId, eventId, performances.getFirst(), performances);
    }
}
