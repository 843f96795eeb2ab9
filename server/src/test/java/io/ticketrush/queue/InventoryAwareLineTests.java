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

/** Admission follows what is left to sell and frees the slots of fans who do not show up. */
@IntegrationTest
class InventoryAwareLineTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    Gatekeeper gatekeeper;
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
    void soldOutClosesTheLineAndReleasedSeatsReopenIt() {
        // 2 sections x 1 row x 2 seats = 4 seats; the cap on shoppers (5) is never what stops anyone
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 2, 4, 100, 5);
        UUID eventId = UUID.fromString(show.eventId());
        People.Person first = people.fan();
        String token = admitted(show, first);
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("A-1-1", "A-1-2", "B-1-1", "B-1-2")), Map.of("Admission-Token", token));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(0).equals(room.place(eventId, first.userId()).seatsLeft()));

        People.Person second = people.fan();
        Api.Response joined = queues.join(show.eventId(), second.token());
        assertThat(joined.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(joined.json().get("reason").asString()).isEqualTo("sold-out");
        assertThat(joined.json().get("seatsLeft").asLong()).isZero();
        assertThat(joined.json().get("position").asLong()).as("still in line if seats come back").isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(gatekeeper.step(eventId).orElseThrow().admitted()).as("nothing to sell, nobody let in").isZero();
        }
        assertThat(room.place(eventId, second.userId()).status()).isEqualTo(QueueStatus.CLOSED);

        assertThat(api.delete("/api/v1/holds/" + hold.json().get("holdId").asString(), first.token()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, second.userId()).status() == QueueStatus.ADMITTED);
        assertThat(room.place(eventId, second.userId()).seatsLeft()).isEqualTo(4);
    }

    @Test
    void aNoShowExpiresAndTheNextFanIsLetIn() {
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 5, 4, 100, 1);
        UUID eventId = UUID.fromString(show.eventId());
        People.Person first = people.fan();
        People.Person second = people.fan();
        String token = admitted(show, first);
        Api.Response waiting = queues.join(show.eventId(), second.token());
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.json().get("position").asLong()).isEqualTo(1);
        assertThat(gatekeeper.step(eventId).orElseThrow().admitted()).as("one active shopper at most").isZero();

        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, second.userId()).status() == QueueStatus.ADMITTED);
        Place noShow = room.place(eventId, first.userId());
        assertThat(noShow.status()).isEqualTo(QueueStatus.EXPIRED);
        assertThat(noShow.document().reason()).isEqualTo("no-show");
        Api.Response late = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("A-1-1")), Map.of("Admission-Token", token));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.code()).isEqualTo("admission-required");

        Api.Response rejoined = queues.join(show.eventId(), first.token());
        assertThat(rejoined.json().get("status").asString()).as("back of the line").isEqualTo("WAITING");
        assertThat(rejoined.json().get("position").asLong()).isEqualTo(1);
    }

    @Test
    void thePerPersonLimitHoldsAcrossAdmissions() {
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 5, 2, 100, 5);
        UUID eventId = UUID.fromString(show.eventId());
        People.Person fan = people.fan();
        String token = admitted(show, fan);
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of("A-1-1", "A-1-2")), Map.of("Admission-Token", token));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()),
                Map.of("Admission-Token", token));
        String orderId = order.json().get("orderId").asString();
        long amount = order.json().get("amount").asLong();
        Api.Response checkout = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", amount, "cardNumber", "4000-0000-0000-0000"));
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", checkout.json().get("paymentKey").asString(), "amount", amount),
                Map.of("Admission-Token", token));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, fan.userId()).status() == QueueStatus.EXPIRED);

        queues.join(show.eventId(), fan.token());
        String second = admitted(show, fan);
        assertThat(second).as("a new admission, a new token").isNotEqualTo(token);
        Api.Response more = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of("B-1-1")), Map.of("Admission-Token", second));
        assertThat(more.status()).as(more.toString()).isEqualTo(422);
        assertThat(more.code()).isEqualTo("limit-exceeded");
    }

    @Test
    void anAdmittedFanWhoGivesUpFreesTheSlotForTheNextFan() {
        // one shopper at a time: the second fan waits until the first is done
        Shows.Show show = queues.onSale(people.organizer().token(), 2, 10, 4, 100, 1);
        UUID eventId = UUID.fromString(show.eventId());
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        People.Person first = people.fan();
        People.Person second = people.fan();
        String token = admitted(show, first);
        queues.join(show.eventId(), second.token());
        assertThat(room.place(eventId, second.userId()).status()).isEqualTo(QueueStatus.WAITING);

        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("A-1-1")), Map.of("Admission-Token", token));
        assertThat(hold.status()).isEqualTo(201);
        Api.Response refused = api.delete(queue, first.token());
        assertThat(refused.status()).as("seats still held").isEqualTo(409);
        assertThat(refused.code()).isEqualTo("holding-seats");
        assertThat(room.place(eventId, second.userId()).status()).isEqualTo(QueueStatus.WAITING);

        // letting the seats go ends the admission by itself; giving up without seats does it at once
        assertThat(api.delete("/api/v1/holds/" + hold.json().get("holdId").asString(), first.token()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, second.userId()).status() == QueueStatus.ADMITTED);
        assertThat(api.delete(queue, second.token()).status()).isEqualTo(204);
        assertThat(api.delete(queue, second.token()).status()).as("idempotent").isEqualTo(204);
        assertThat(room.place(eventId, second.userId()).status()).isNotEqualTo(QueueStatus.ADMITTED);

        People.Person third = people.fan();
        queues.join(show.eventId(), third.token());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, third.userId()).status() == QueueStatus.ADMITTED);
        assertThat(api.delete(queue, people.fan().token()).status()).as("not in line: nothing to end").isEqualTo(204);
    }

    private String admitted(Shows.Show show, People.Person fan) {
        queues.join(show.eventId(), fan.token());
        UUID eventId = UUID.fromString(show.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, fan.userId()).status() == QueueStatus.ADMITTED);
        return room.place(eventId, fan.userId()).document().admissionToken();
    }
}
