package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.RedisEpoch;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
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
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis flushed under a running server: the gatekeeper admits nobody until the line is repaired, a fan
 * who holds seats keeps the admission (and the slot on the cap of active shoppers), a waiting fan joins
 * again, and admission resumes. The epoch checks run only when the test calls them.
 */
@IntegrationTest
@TestPropertySource(properties = {"ticketrush.promotion.epoch-check=PT1H", "ticketrush.queue.epoch-check=PT1H"})
class LineAfterRedisLossTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    WaitingRoom room;
    @Autowired
    Gatekeeper gatekeeper;
    @Autowired
    LineEpoch epoch;

    Api api;
    People people;
    Queues queues;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        queues = new Queues(api);
        healthy();
    }

    @AfterEach
    void healthy() {
        if (epoch.check().needsRepair()) {
            epoch.repair();
        }
    }

    @Test
    void aShopperWithALiveHoldKeepsTheAdmissionAndTheCapHoldsAfterRedisIsFlushed() {
        // one active shopper at a time
        Shows.Show show = queues.onSale(people.organizer().token(), 2, 10, 4, 100, 1);
        UUID eventId = UUID.fromString(show.eventId());
        People.Person first = people.fan();
        People.Person second = people.fan();
        String token = admitted(show, first);
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("A-1-1")), Map.of("Admission-Token", token));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        queues.join(show.eventId(), second.token());
        assertThat(room.place(eventId, second.userId()).status()).isEqualTo(QueueStatus.WAITING);

        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
        assertThat(epoch.check()).isInstanceOf(RedisEpoch.Lost.class);
        assertThatThrownBy(() -> room.place(eventId, second.userId())).as("a waiting fan's place is gone")
                .isInstanceOf(DomainException.class).hasMessageContaining("join it first");
        queues.join(show.eventId(), second.token());
        gatekeeper.tick();
        assertThat(room.place(eventId, second.userId()).status()).as("nobody is admitted while Redis is repaired")
                .isEqualTo(QueueStatus.WAITING);

        LineEpoch.Repaired repaired = epoch.repair();
        assertThat(repaired.shoppersRestored()).isGreaterThanOrEqualTo(1);
        Place firstPlace = room.place(eventId, first.userId());
        assertThat(firstPlace.status()).as("the shopper with a live hold keeps the admission").isEqualTo(QueueStatus.ADMITTED);
        gatekeeper.tick();
        assertThat(room.place(eventId, second.userId()).status()).as("the restored shopper still fills the only slot")
                .isEqualTo(QueueStatus.WAITING);
        Api.Response more = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("B-1-1")), Map.of("Admission-Token", firstPlace.document().admissionToken()));
        assertThat(more.status()).as("the restored admission lets the fan go on shopping: " + more).isEqualTo(201);

        // the restored admission ends with the fan's holds, and the slot goes to the next fan
        assertThat(api.delete("/api/v1/holds/" + hold.json().get("holdId").asString(), first.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/holds/" + more.json().get("holdId").asString(), first.token()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> room.place(eventId, second.userId()).status() == QueueStatus.ADMITTED);
    }

    private String admitted(Shows.Show show, People.Person fan) {
        queues.join(show.eventId(), fan.token());
        UUID eventId = UUID.fromString(show.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, fan.userId()).status() == QueueStatus.ADMITTED);
        return room.place(eventId, fan.userId()).document().admissionToken();
    }
}
