package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class HoldTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    HoldSweeper sweeper;
    @Autowired
    InventorySettings settings;

    Api api;
    People people;
    Shows.Show show;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        show = new Shows(api).onSale(people.organizer().token(), 3, 10, 4);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response hold(String token, Object body) {
        return api.post("/api/v1/performances/" + show.performanceId() + "/holds", token, body);
    }

    @Test
    void holdsChosenSeatsAllOrNothing() {
        People.Person fan = people.fan();
        Api.Response held = hold(fan.token(), Map.of("seatIds", List.of("A-1-1", "A-1-2")));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().get("totalPrice").asLong()).isEqualTo(300_000);
        assertThat(held.json().get("seats").findValuesAsString("seatId")).containsExactly("A-1-1", "A-1-2");

        People.Person other = people.fan();
        Api.Response overlap = hold(other.token(), Map.of("seatIds", List.of("A-1-2", "A-1-3")));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.code()).isEqualTo("seat-unavailable");
        assertThat(overlap.json().get("seatIds").size()).isEqualTo(1);
        assertThat(overlap.json().get("seatIds").get(0).asString()).isEqualTo("A-1-2");
        assertThat(status("A-1-3")).as("all-or-nothing: the free seat stays free").isEqualTo("AVAILABLE");
        assertThat(quota(other)).isZero();
    }

    @Test
    void unknownSeatsAndPerformancesAre404() {
        People.Person fan = people.fan();
        Api.Response unknownSeat = hold(fan.token(), Map.of("seatIds", List.of("A-1-1", "Z-9-99")));
        assertThat(unknownSeat.status()).isEqualTo(404);
        assertThat(unknownSeat.code()).isEqualTo("unknown-seat");
        assertThat(status("A-1-1")).isEqualTo("AVAILABLE");
        Api.Response unknownPerformance = api.post("/api/v1/performances/" + UUID.randomUUID() + "/holds", fan.token(),
                Map.of("seatIds", List.of("A-1-1")));
        assertThat(unknownPerformance.code()).isEqualTo("unknown-performance");
    }

    @Test
    void badHoldRequestsAre400AndChangeNothing() {
        People.Person fan = people.fan();
        assertThat(hold(fan.token(), Map.of()).code()).isEqualTo("validation-failed");
        assertThat(hold(fan.token(), Map.of("seatIds", List.of("A-1-1"), "gradeCode", "R", "quantity", 1)).code())
                .isEqualTo("validation-failed");
        assertThat(hold(fan.token(), Map.of("seatIds", List.of("A-1-1", "A-1-1"))).code()).isEqualTo("validation-failed");
        assertThat(hold(fan.token(), Map.of("gradeCode", "R")).code()).isEqualTo("validation-failed");
        assertThat(hold(fan.token(), Map.of("gradeCode", "R", "quantity", -1)).code()).isEqualTo("validation-failed");
        assertThat(hold(fan.token(), Map.of("gradeCode", "NOPE", "quantity", 1)).code()).isEqualTo("unknown-grade");
        assertThat(hold(fan.token(), "{\"seatIds\": 5}").code()).isEqualTo("malformed-request");
        assertThat(hold(null, Map.of("seatIds", List.of("A-1-1"))).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM holds WHERE user_id = :u").param("u", fan.userId()).query(Long.class).single()).isZero();
        assertThat(quota(fan)).isZero();
    }

    @Test
    void bestAvailableTakesNeighboursInOneRow() {
        People.Person first = people.fan();
        assertThat(hold(first.token(), Map.of("seatIds", List.of("A-1-2"))).status()).isEqualTo(201);
        Api.Response best = hold(people.fan().token(), Map.of("gradeCode", "VIP", "quantity", 3));
        assertThat(best.status()).as(best.toString()).isEqualTo(201);
        List<String> seats = best.json().get("seats").findValuesAsString("seatId");
        assertThat(seats).containsExactly("A-1-3", "A-1-4", "A-1-5");
    }

    @Test
    void perPersonLimitCountsEveryHoldOfTheEvent() {
        People.Person fan = people.fan();
        assertThat(hold(fan.token(), Map.of("seatIds", List.of("B-1-1", "B-1-2", "B-1-3"))).status()).isEqualTo(201);
        Api.Response tooMany = hold(fan.token(), Map.of("seatIds", List.of("B-2-1", "B-2-2")));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.code()).isEqualTo("limit-exceeded");
        assertThat(hold(fan.token(), Map.of("gradeCode", "R", "quantity", 5)).code()).isEqualTo("limit-exceeded");
        assertThat(hold(fan.token(), Map.of("seatIds", List.of("B-2-1"))).status()).isEqualTo(201);
        assertThat(quota(fan)).isEqualTo(4);
    }

    @Test
    void lettingGoFreesSeatsAndQuota() {
        People.Person fan = people.fan();
        Api.Response held = hold(fan.token(), Map.of("seatIds", List.of("B-3-1", "B-3-2")));
        String holdId = held.json().get("holdId").asString();
        assertThat(api.delete("/api/v1/holds/" + holdId, people.fan().token()).status()).as("someone else's hold").isEqualTo(404);
        assertThat(api.delete("/api/v1/holds/" + holdId, fan.token()).status()).isEqualTo(204);
        assertThat(status("B-3-1")).isEqualTo("AVAILABLE");
        assertThat(quota(fan)).isZero();
        assertThat(api.delete("/api/v1/holds/" + holdId, fan.token()).status()).as("idempotent").isEqualTo(204);
    }

    @Test
    void aSeatSeenTakenIsRefusedFromMemoryUntilItComesBack() {
        People.Person first = people.fan();
        People.Person second = people.fan();
        String holdId = hold(first.token(), Map.of("seatIds", List.of("B-2-5", "B-2-6"))).json().get("holdId").asString();

        Api.Response lost = hold(second.token(), Map.of("seatIds", List.of("B-2-6", "B-2-7")));
        Api.Response lostAgain = hold(second.token(), Map.of("seatIds", List.of("B-2-6", "B-2-7")));
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lostAgain.status()).isEqualTo(409);
        assertThat(lostAgain.json().get("code").asString()).isEqualTo("seat-unavailable");
        assertThat(lostAgain.json().get("seatIds").toString()).contains("B-2-6").doesNotContain("B-2-7");
        assertThat(status("B-2-7")).as("nothing of the refused attempts stays").isEqualTo("AVAILABLE");
        assertThat(quota(second)).isZero();

        // released on this instance: forgotten at once, the very next attempt gets the seats
        assertThat(api.delete("/api/v1/holds/" + holdId, first.token()).status()).isEqualTo(204);
        assertThat(hold(second.token(), Map.of("seatIds", List.of("B-2-6", "B-2-7"))).status()).isEqualTo(201);
    }

    @Test
    void expiredHoldsAreSweptBackOnSale() {
        People.Person fan = people.fan();
        String holdId = hold(fan.token(), Map.of("seatIds", List.of("A-3-9", "A-3-10"))).json().get("holdId").asString();
        assertThat(sweeper.sweep()).as("nothing expired yet").isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(holdStatus(holdId)));
        assertThat(status("A-3-9")).isEqualTo("AVAILABLE");
        assertThat(status("A-3-10")).isEqualTo("AVAILABLE");
        assertThat(quota(fan)).isZero();
    }

    @Test
    void seatMapAndAvailabilityFollowChanges() {
        JsonNode map = api.get("/api/v1/performances/" + show.performanceId() + "/seats", null).json();
        assertThat(map.get("seats").size()).isEqualTo(60);
        assertThat(map.get("grades").findValuesAsString("code")).containsExactly("VIP", "R");

        hold(people.fan().token(), Map.of("seatIds", List.of("A-2-5")));
        clock.advance(settings.seatMapFreshness()); // the caches' ticker follows the clock: no waiting
        JsonNode seats = api.get("/api/v1/performances/" + show.performanceId() + "/seats", null).json().get("seats");
        for (JsonNode seat : seats) {
            if (seat.get("seatId").asString().equals("A-2-5")) {
                assertThat(seat.get("status").asString()).isEqualTo("HELD");
            }
        }
        JsonNode vip = api.get("/api/v1/performances/" + show.performanceId() + "/availability", null).json()
                .get("grades").get(0);
        assertThat(vip.get("code").asString()).isEqualTo("VIP");
        assertThat(vip.get("total").asInt()).isEqualTo(30);
        assertThat(vip.get("held").asInt()).isEqualTo(1);
        assertThat(vip.get("available").asInt()).isEqualTo(29);
    }

    @Test
    void salesNotOpenYetAreRefused() {
        Shows shows = new Shows(api);
        People.Person organizer = people.organizer();
        String venue = shows.venue(organizer.token(), 1, 5);
        Shows.Show later = shows.publish(organizer.token(), venue,
                shows.eventBody(venue, 4, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)));
        Api.Response early = api.post("/api/v1/performances/" + later.performanceId() + "/holds", people.fan().token(),
                Map.of("seatIds", List.of("A-1-1")));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("sale-not-open");
    }

    private String status(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id = :s")
                .param("p", show.performanceId()).param("s", seatId).query(String.class).single();
    }

    private String holdStatus(String holdId) {
        return jdbc.sql("SELECT status FROM holds WHERE id = :h::uuid").param("h", holdId).query(String.class).single();
    }

    private int quota(People.Person fan) {
        return jdbc.sql("SELECT coalesce(sum(used), 0) FROM purchase_quotas WHERE user_id = :u AND event_id = :e::uuid")
                .param("u", fan.userId()).param("e", show.eventId()).query(Integer.class).single();
    }
}
