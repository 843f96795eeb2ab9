package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Holds and orders of an event with a waiting room need the fan's own, genuine, unexpired admission token. */
@IntegrationTest
class AdmissionTokenTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    MutableClock clock;

    Api api;
    People people;
    Queues queues;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        queues = new Queues(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdmittedFanHoldsOrdersAndPaysWithTheirToken() {
        Shows.Show show = queues.onSale(people.organizer().token(), 2, 10, 4, 100, 10);
        People.Person fan = people.fan();
        String token = admit(show, fan);
        String holds = "/api/v1/performances/" + show.performanceId() + "/holds";

        Api.Response without = api.post(holds, fan.token(), Map.of("seatIds", List.of("A-1-1")));
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("admission-required");
        assertThat(without.json().get("reason").asString()).isEqualTo("missing");

        Api.Response hold = api.post(holds, fan.token(), Map.of("seatIds", List.of("A-1-1", "A-1-2")), Map.of("Admission-Token", token));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        String holdId = hold.json().get("holdId").asString();

        Api.Response orderWithout = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId));
        assertThat(orderWithout.status()).isEqualTo(403);
        assertThat(orderWithout.code()).isEqualTo("admission-required");
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId), Map.of("Admission-Token", token));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().get("orderId").asString();

        Api.Response checkout = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", 300_000, "cardNumber", "4000-0000-0000-0000"));
        Map<String, Object> confirm = Map.of("paymentKey", checkout.json().get("paymentKey").asString(), "amount", 300_000);
        assertThat(api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(), confirm).code())
                .isEqualTo("admission-required");
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(), confirm,
                Map.of("Admission-Token", token));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");

        UUID eventId = UUID.fromString(show.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, fan.userId()).status() == QueueStatus.EXPIRED);
        assertThat(room.place(eventId, fan.userId()).document().reason()).as("paying ends the admission").isEqualTo("admission-used");
        Api.Response again = api.post(holds, fan.token(), Map.of("seatIds", List.of("B-1-1")), Map.of("Admission-Token", token));
        assertThat(again.status()).as("a used admission does not start a second round").isEqualTo(403);
        assertThat(again.json().get("reason").asString()).isEqualTo("ended");
    }

    @Test
    void forgedExpiredAndOtherPeoplesTokensAreRefused() {
        Shows.Show show = queues.onSale(people.organizer().token(), 2, 10, 4, 100, 10);
        Shows.Show other = queues.onSale(people.organizer().token(), 1, 5, 4, 100, 10);
        People.Person fan = people.fan();
        People.Person stranger = people.fan();
        String token = admit(show, fan);
        String holds = "/api/v1/performances/" + show.performanceId() + "/holds";
        Map<String, Object> seat = Map.of("seatIds", List.of("A-2-1"));

        String dot = token.substring(0, token.indexOf('.') + 1);
        String flipped = dot + (token.endsWith("A") ? token.substring(dot.length(), token.length() - 1) + "B"
                : token.substring(dot.length(), token.length() - 1) + "A");
        assertRefused(api.post(holds, fan.token(), seat, Map.of("Admission-Token", flipped)), "invalid");
        assertRefused(api.post(holds, fan.token(), seat, Map.of("Admission-Token", "not-a-token")), "invalid");
        assertRefused(api.post(holds, stranger.token(), seat, Map.of("Admission-Token", token)), "other-fan");
        assertRefused(api.post("/api/v1/performances/" + other.performanceId() + "/holds", fan.token(), seat,
                Map.of("Admission-Token", token)), "other-event");

        Api.Response genuine = api.post(holds, fan.token(), seat, Map.of("Admission-Token", token));
        assertThat(genuine.status()).as("the fan's own token works: " + genuine).isEqualTo(201);
        clock.advance(Duration.ofMinutes(9));
        assertRefused(api.post(holds, fan.token(), Map.of("seatIds", List.of("A-2-2")), Map.of("Admission-Token", token)),
                "expired");
        clock.reset();

        Api.Response noQueue = api.post("/api/v1/performances/" + new Shows(api).onSale(people.organizer().token(), 1, 5, 4)
                .performanceId() + "/holds", stranger.token(), Map.of("seatIds", List.of("A-1-1")));
        assertThat(noQueue.status()).as("events without a waiting room need no token").isEqualTo(201);
    }

    private String admit(Shows.Show show, People.Person fan) {
        queues.join(show.eventId(), fan.token());
        UUID eventId = UUID.fromString(show.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, fan.userId()).status() == QueueStatus.ADMITTED);
        Api.Response place = api.get("/api/v1/events/" + show.eventId() + "/queue", fan.token());
        assertThat(place.json().get("status").asString()).isEqualTo("ADMITTED");
        assertThat(place.json().get("expiresAt").asString()).isNotBlank();
        return place.json().get("admissionToken").asString();
    }

    private static void assertRefused(Api.Response response, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("admission-required");
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
    }
}
