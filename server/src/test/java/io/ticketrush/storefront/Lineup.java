package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small season of shows, made through the organizer API, so the pages have something real to show. */
public final class Lineup {

    private final Api api;
    private final String organizerToken;

    public Lineup(Api api, String organizerToken) {
        this.api = api;
        this.organizerToken = organizerToken;
    }

    public record Show(String eventId, String performanceId, String title) {
    }

    /** A hall with a floor (A, VIP) and two side blocks (B and C, R). */
    public String hall(String name) {
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(section("A", "플로어 A구역", 4, 16));
        sections.add(section("B", "1층 B구역", 6, 18));
        sections.add(section("C", "1층 C구역", 6, 18));
        Api.Response venue = api.post("/api/v1/venues", organizerToken,
                Map.of("name", name, "address", "서울특별시 송파구 올림픽로 424", "sections", sections));
        assertThat(venue.status()).as(venue.toString()).isEqualTo(201);
        return venue.json().get("venueId").asString();
    }

    /** A published event whose sale opened an hour ago (or opens in {@code opensInHours}). */
    public Show show(String venueId, String title, String category, int daysAhead, int opensInHours, int maxPerPerson) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
        OffsetDateTime starts = now.plusDays(daysAhead).withHour(19).withMinute(30).withSecond(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("category", category);
        body.put("venueId", venueId);
        body.put("description", title + " — Ticketrush 브라우저 테스트가 만든 공연입니다.");
        body.put("salesOpenAt", now.plusHours(opensInHours).toString());
        body.put("salesCloseAt", starts.minusHours(2).toString());
        body.put("maxTicketsPerPerson", maxPerPerson);
        body.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP석", "price", 154_000, "sections", List.of("A")),
                Map.of("code", "R", "name", "R석", "price", 121_000, "sections", List.of("B", "C"))));
        body.put("performances", List.of(Map.of("startsAt", starts.toString()),
                Map.of("startsAt", starts.plusDays(1).withHour(15).withMinute(0).toString())));
        Api.Response event = api.post("/api/v1/events", organizerToken, body);
        assertThat(event.status()).as(event.toString()).isEqualTo(201);
        String eventId = event.json().get("eventId").asString();
        Api.Response published = api.post("/api/v1/events/" + eventId + "/publish", organizerToken, Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return new Show(eventId, event.json().get("performances").get(0).get("performanceId").asString(), title);
    }

    private static Map<String, Object> section(String code, String name, int rows, int seats) {
        List<Map<String, Object>> rowList = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            rowList.add(Map.of("label", String.valueOf(r), "seats", seats));
        }
        return Map.of("code", code, "name", name, "rows", rowList);
    }
}
