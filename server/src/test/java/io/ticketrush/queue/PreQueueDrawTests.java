package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.shared.Caller;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Before the opening, arrival order does not count: the pre-queue is drawn with a seed committed to in advance. */
@IntegrationTest
class PreQueueDrawTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    AdmissionControls controls;
    @Autowired
    MutableClock clock;
    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anyoneCanRecomputeTheServedOrderFromTheRevealedSeed() throws Exception {
        Api api = new Api(port);
        People.Person organizer = new People(api, jdbc).organizer();
        Shows.Show show = new Queues(api).opening(organizer.token(), 2, 10, 4, 1000, 100,
                OffsetDateTime.now(ZoneOffset.ofHours(9)).plusHours(1).withNano(0));
        UUID eventId = UUID.fromString(show.eventId());

        JsonNode before = api.get("/api/v1/events/" + show.eventId() + "/queue/draw", null).json();
        String commitment = before.get("commitment").asString();
        assertThat(commitment).as("published with the event").hasSize(64);
        assertThat(before.has("seed")).as("the seed stays secret until the opening").isFalse();
        assertThat(api.get("/api/v1/events/" + show.eventId() + "/queue/draw/entrants", null).code())
                .isEqualTo("draw-not-revealed");

        Map<String, UUID> fanByEntry = new HashMap<>();
        List<UUID> arrivals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID fan = UUID.randomUUID();
            Place place = room.join(eventId, fan);
            assertThat(place.status()).isEqualTo(QueueStatus.WAITING);
            assertThat(place.document().preQueue()).isTrue();
            assertThat(place.document().position()).as("no number before the draw").isNull();
            assertThat(place.document().drawAt()).isEqualTo(OffsetDateTime.parse(
                    api.get("/api/v1/events/" + show.eventId(), null).json().get("salesOpenAt").asString()).toInstant());
            assertThat(room.join(eventId, fan).document().entryId()).as("one entry per fan").isEqualTo(place.document().entryId());
            fanByEntry.put(place.document().entryId(), fan);
            arrivals.add(fan);
        }

        try (Queues.AdmissionLog log = Queues.AdmissionLog.of(show.eventId(), context)) {
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            Caller operator = new Caller(organizer.userId(), Set.of("ORGANIZER"));
            await().atMost(Duration.ofSeconds(10)).until(() -> controls.report(eventId, operator).drawn());
            UUID late = UUID.randomUUID();
            assertThat(room.join(eventId, late).document().preQueue()).as("after the opening: a numbered place").isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> log.fans().size() == 41);

            JsonNode draw = api.get("/api/v1/events/" + show.eventId() + "/queue/draw", null).json();
            String seed = draw.get("seed").asString();
            assertThat(sha256(seed)).as("the revealed seed is the one committed to").isEqualTo(commitment);
            assertThat(draw.get("entrants").asInt()).isEqualTo(40);
            List<String> entrants = api.get("/api/v1/events/" + show.eventId() + "/queue/draw/entrants", null).body()
                    .lines().toList();
            assertThat(entrants).containsExactlyInAnyOrderElementsOf(fanByEntry.keySet());

            List<UUID> recomputed = entrants.stream()
                    .sorted(Comparator.comparing((String entry) -> sha256(seed + ":" + entry)))
                    .map(fanByEntry::get)
                    .toList();
            assertThat(log.fans().subList(0, 40)).as("served in the drawn order").containsExactlyElementsOf(recomputed);
            assertThat(recomputed).as("which is not the arrival order").isNotEqualTo(arrivals);
            assertThat(log.fans().get(40)).as("who joined after the opening comes after the pre-queue").isEqualTo(late);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
