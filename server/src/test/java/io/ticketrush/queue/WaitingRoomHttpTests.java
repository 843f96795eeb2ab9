package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticketrush.shared.DomainException;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The waiting room over HTTP: join, look, stream, limits and the organizer's controls. */
@IntegrationTest
class WaitingRoomHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    RedisConnectionFactory redis;
    @Autowired
    WaitingRoomSettings settings;
    @Autowired
    QueuedSales sales;
    @Autowired
    io.ticketrush.queue.persistence.Lines lines;
    @Autowired
    AdmissionPolicy policy;
    @Autowired
    AdmissionTokens tokens;
    @Autowired
    QueueMetrics metrics;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    java.time.Clock clock;

    Api api;
    People people;
    Queues queues;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        queues = new Queues(api);
    }

    @Test
    void joiningTwiceKeepsThePlaceAndStrangersAreNotInLine() {
        People.Person organizer = people.organizer();
        Shows.Show show = queues.onSale(organizer.token(), 2, 10, 4, 100, 10);
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        assertThat(api.post(queue + "/control/pause", organizer.token(), Map.of()).json().get("paused").asBoolean()).isTrue();
        People.Person first = people.fan();
        People.Person second = people.fan();

        JsonNode one = queues.join(show.eventId(), first.token()).json();
        Api.Response two = queues.join(show.eventId(), second.token());
        assertThat(one.get("status").asString()).isEqualTo("WAITING");
        assertThat(one.get("position").asLong()).isEqualTo(1);
        assertThat(two.json().get("position").asLong()).isEqualTo(2);
        assertThat(two.json().get("ahead").asLong()).isEqualTo(1);
        assertThat(two.json().has("etaSeconds")).as("no estimate while paused").isFalse();
        assertThat(two.json().get("paused").asBoolean()).isTrue();
        // seats left come from the gatekeeper's count, which a line just created gets at the next tick
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(queue, second.token()).json().has("seatsLeft"));
        assertThat(api.get(queue, second.token()).json().get("seatsLeft").asLong()).isEqualTo(40);
        assertThat(two.header("Retry-After")).isEqualTo("1");
        assertThat(queues.join(show.eventId(), first.token()).json().get("position").asLong()).as("second tab").isEqualTo(1);
        Api.Response look = api.get(queue, second.token());
        assertThat(look.status()).isEqualTo(200);
        assertThat(look.json().get("position").asLong()).isEqualTo(2);
        assertThat(look.header("Retry-After")).isNotNull();

        Api.Response stranger = api.get(queue, people.fan().token());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("not-in-queue");
        Api.Response noQueue = api.post("/api/v1/events/" + new Shows(api).onSale(organizer.token(), 1, 2, 4).eventId() + "/queue",
                first.token(), Map.of());
        assertThat(noQueue.status()).isEqualTo(409);
        assertThat(noQueue.code()).isEqualTo("queue-disabled");
        assertThat(api.post("/api/v1/events/" + UUID.randomUUID() + "/queue", first.token(), Map.of()).code())
                .isEqualTo("unknown-event");
        assertThat(api.post(queue, null, Map.of()).status()).isEqualTo(401);

        assertThat(api.post(queue + "/control/resume", organizer.token(), Map.of()).json().get("paused").asBoolean()).isFalse();
        UUID eventId = UUID.fromString(show.eventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> room.place(eventId, second.userId()).status() == QueueStatus.ADMITTED);
        JsonNode admitted = api.get(queue, second.token()).json();
        assertThat(admitted.get("position").asLong()).isZero();
        assertThat(admitted.get("admissionToken").asString()).isNotBlank();
        assertThat(admitted.get("holdBy").asString()).isNotBlank();
    }

    @Test
    void theStreamPushesThePlaceWhenItChanges() throws Exception {
        People.Person organizer = people.organizer();
        Shows.Show show = queues.onSale(organizer.token(), 2, 10, 4, 100, 10);
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        api.post(queue + "/control/pause", organizer.token(), Map.of());
        People.Person fan = people.fan();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + queue + "/stream"))
                .header("Authorization", "Bearer " + fan.token()).header("Accept", "text/event-stream").build();

        HttpResponse<InputStream> notJoined = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(notJoined.statusCode()).isEqualTo(404);
        notJoined.body().close();

        queues.join(show.eventId(), fan.token());
        HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        messages.add(Api.JSON.readTree(line.substring(5)));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the test closed the stream
            }
        });
        try {
            JsonNode first = messages.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the current place at once").isNotNull();
            assertThat(first.get("status").asString()).isEqualTo("WAITING");
            assertThat(first.get("position").asLong()).isEqualTo(1);

            api.post(queue + "/control/resume", organizer.token(), Map.of());
            List<JsonNode> seen = new ArrayList<>();
            JsonNode next;
            do {
                next = messages.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("a push after admission, seen so far: " + seen).isNotNull();
                seen.add(next);
            } while (!"ADMITTED".equals(next.get("status").asString()));
            assertThat(next.get("admissionToken").asString())
                    .isEqualTo(room.place(UUID.fromString(show.eventId()), fan.userId()).document().admissionToken());
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void aFullInstanceSendsNewStreamsBackToPolling() {
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 2, 4, 100, 10);
        UUID eventId = UUID.fromString(show.eventId());
        UUID fan = UUID.randomUUID();
        room.join(eventId, fan);
        WaitingRoomSettings full = new WaitingRoomSettings(settings.tick(), settings.pushInterval(),
                settings.admissionWindow(), settings.holdAttemptGrace(), settings.signingKey(), settings.streamTimeout(),
                settings.heartbeat(), 0, settings.maxAdmissionsPerTick(), settings.longestPoll(), settings.rateHalfLife(), settings.retention());
        LineBroadcast broadcast = new LineBroadcast(sales, lines, policy, tokens, metrics, full, json, clock,
                new StreamQuota(new StreamCaps(3, 100)));
        assertThatThrownBy(() -> broadcast.watch(eventId, fan, "127.0.0.1")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("streams-full");
            assertThat(e.properties()).containsKey("retryAfterSeconds");
        });
        assertThat(room.place(eventId, fan).status()).as("polling still works").isEqualTo(QueueStatus.WAITING);
    }

    @Test
    void tooManyRequestsFromOneFanAreAskedToWait() {
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 2, 4, 100, 10);
        People.Person fan = people.fan();
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        queues.join(show.eventId(), fan.token());
        Api.Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Api.Response response = api.get(queue, fan.token());
            if (response.status() == 429) {
                limited = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        assertThat(limited).as("the per-fan budget (10, 2/s) runs out").isNotNull();
        assertThat(limited.code()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(api.get(queue, people.fan().token()).code()).as("other fans are not affected").isEqualTo("not-in-queue");
    }

    @Test
    void budgetsPerAddressAndPerFanLiveInRedisAndCanBeTurnedOff() {
        RateLimits limits = new RateLimits(new RateLimitSettings(true, 5, 1, 3, 1), redis);
        String address = "203.0.113." + (int) (Math.random() * 250);
        UUID fan = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            limits.check(address, fan);
        }
        assertThatThrownBy(() -> limits.check(address, fan)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.properties().get("retryAfterSeconds")).isEqualTo(1L);
        });
        limits.check(address, UUID.randomUUID());
        assertThatThrownBy(() -> limits.check(address, UUID.randomUUID())).as("the address's budget of 5 is used up")
                .isInstanceOf(DomainException.class);
        RateLimits again = new RateLimits(new RateLimitSettings(true, 5, 1, 3, 1), redis);
        assertThatThrownBy(() -> again.check(address, UUID.randomUUID())).as("another instance sees the same bucket")
                .isInstanceOf(DomainException.class);
        RateLimits off = new RateLimits(new RateLimitSettings(false, 5, 1, 3, 1), redis);
        for (int i = 0; i < 20; i++) {
            off.check(address, fan);
        }
        limits.destroy();
        again.destroy();
    }

    @Test
    void onlyTheOrganizerOrAnAdminRunsTheLine() {
        People.Person organizer = people.organizer();
        Shows.Show show = queues.onSale(organizer.token(), 1, 2, 4, 100, 10);
        String control = "/api/v1/events/" + show.eventId() + "/queue/control";
        assertThat(api.post(control + "/pause", people.organizer().token(), Map.of()).code()).isEqualTo("not-your-event");
        assertThat(api.post(control + "/pause", people.fan().token(), Map.of()).status()).isEqualTo(403);

        Api.Response tuned = patch(control, organizer.token(), Map.of("outflowPerSecond", 7, "maxActiveShoppers", 3));
        assertThat(tuned.status()).as(tuned.toString()).isEqualTo(200);
        assertThat(tuned.json().get("outflowPerSecond").asInt()).isEqualTo(7);
        assertThat(tuned.json().get("maxActiveShoppers").asInt()).isEqualTo(3);
        assertThat(patch(control, organizer.token(), Map.of("outflowPerSecond", 0)).code())
                .isEqualTo("validation-failed");

        People.Person admin = people.withRoles("ADMIN");
        Api.Response report = api.get(control, admin.token());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("outflowPerSecond").asInt()).isEqualTo(7);
        assertThat(report.json().get("seatsLeft").isNumber() || !report.json().has("seatsLeft")).isTrue();
        assertThat(report.json().has("activeShoppers")).isTrue();
        assertThat(report.json().has("admissionRate")).isTrue();
        assertThat(report.json().has("waiting")).isTrue();
    }

    private Api.Response patch(String path, String token, Object body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response.headers().map(),
                    response.body().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
