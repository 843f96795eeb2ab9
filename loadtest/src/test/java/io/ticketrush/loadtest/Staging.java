package io.ticketrush.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets the stage through the public API before any load: the ADMIN logs in, mints synthetic
 * fans (at most 10,000 per call), and as organizer creates each benchmark venue and event and
 * publishes it. Nothing here is measured.
 */
final class Staging {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FANS_PER_CALL = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminToken;

    Staging(String baseUrl, String adminEmail, String adminPassword) {
        requireLoopback(baseUrl);
        this.baseUrl = baseUrl;
        JsonNode login = post("/api/v1/auth/login", null, Map.of("email", adminEmail, "password", adminPassword), 200);
        this.adminToken = login.get("accessToken").asText();
    }

    record Show(String name, String eventId, String performanceId, SeatPlan plan) {
    }

    /** Access tokens of {@code count} new synthetic fans. */
    List<String> fans(int count) {
        List<String> tokens = new ArrayList<>(count);
        while (tokens.size() < count) {
            int batch = Math.min(MAX_FANS_PER_CALL, count - tokens.size());
            JsonNode created = post("/api/v1/rehearsal/fans", adminToken, Map.of("count", batch), 201);
            created.get("fans").forEach(f -> tokens.add(f.get("accessToken").asText()));
        }
        return tokens;
    }

    /** A published event on sale now, in a new venue of about {@code seats} seats, max 4 tickets per person. */
    Show show(String name, int seats) {
        return show(name, seats, null);
    }

    /** Waiting-room settings of an event ({@code queue} of the event request, see docs/waiting-room.md). */
    record Queue(int outflowPerSecond, int maxActiveShoppers) {
    }

    /**
     * The same, with the waiting room on when {@code queue} is given: the sale is open when the fans
     * arrive, so they join a numbered line (first come, first served) and hold only with an admission token.
     */
    Show show(String name, int seats, Queue queue) {
        SeatPlan plan = SeatPlan.of(seats);
        JsonNode venue = post("/api/v1/venues", adminToken, plan.venueBody("벤치마크 홀 " + name), 201);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
        OffsetDateTime startsAt = now.plusDays(30);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("title", "Ticketrush rehearsal: " + name);
        event.put("category", "CONCERT");
        event.put("venueId", venue.get("venueId").asText());
        event.put("description", "Synthetic event of an on-sale rehearsal");
        event.put("salesOpenAt", now.minusMinutes(1).toString());
        event.put("salesCloseAt", startsAt.minusHours(2).toString());
        event.put("maxTicketsPerPerson", 4);
        event.put("grades", List.of(
                Map.of("code", "VIP", "name", "VIP석", "price", 165_000, "sections", List.of("A")),
                Map.of("code", "R", "name", "R석", "price", 143_000, "sections", List.of("B")),
                Map.of("code", "S", "name", "S석", "price", 99_000, "sections", List.of("C"))));
        event.put("performances", List.of(Map.of("startsAt", startsAt.toString())));
        if (queue != null) {
            event.put("queue", Map.of("enabled", true, "outflowPerSecond", queue.outflowPerSecond(),
                    "maxActiveShoppers", queue.maxActiveShoppers()));
        }
        JsonNode created = post("/api/v1/events", adminToken, event, 201);
        String eventId = created.get("eventId").asText();
        post("/api/v1/events/" + eventId + "/publish", adminToken, Map.of(), 200);
        String performanceId = created.get("performances").get(0).get("performanceId").asText();
        return new Show(name, eventId, performanceId, plan);
    }

    /**
     * A first-come coupon campaign claimable now (FIXED discount, usable on any order), through the
     * real API ({@code real}) or set up with the same stock, limit and window for a baseline.
     */
    String couponCampaign(String kind, int quantity, int perPersonLimit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalQuantity", quantity);
        body.put("perPersonLimit", perPersonLimit);
        body.put("startsAt", now.minusMinutes(1).toString());
        body.put("endsAt", now.plusHours(3).toString());
        if (kind.equals("real")) {
            body.put("name", "리허설 선착순 쿠폰");
            body.put("discount", Map.of("type", "FIXED", "value", Settings.COUPON_DISCOUNT));
            return post("/api/v1/coupon-campaigns", adminToken, body, 201).get("campaignId").asText();
        }
        return post("/benchmark/baseline/coupon-campaigns", adminToken, body, 201).get("campaignId").asText();
    }

    private JsonNode post(String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Staging call POST %s answered %d: %s"
                        .formatted(path, response.statusCode(), response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Staging call POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Load goes to this machine only. */
    static void requireLoopback(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("base.url must be a loopback address (127.0.0.1, localhost): " + baseUrl);
        }
    }
}
