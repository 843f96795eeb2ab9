package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.queue.persistence.FanEntry;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.testing.AnotherInstance;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Race;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two real server instances — the test context and a second application started in the same JVM
 * against the same PostgreSQL and Redis — each with its own scheduled gatekeeper, SSE fan-out and
 * caches. Fans join, look and shop through both instances' HTTP APIs.
 */
@IntegrationTest
class TwoInstanceLineTests {

    private static final int FANS = 120;
    private static final int MAX_ACTIVE = 6;
    private static AnotherInstance second;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Lines lines;
    @Autowired
    ConfigurableApplicationContext context;

    Api first;
    People people;

    @BeforeEach
    void setUp() {
        first = new Api(port);
        people = new People(first, jdbc);
        if (second == null) {
            second = startSecond();
        }
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private AnotherInstance startSecond() {
        // a fast gatekeeper; the shared rate-limit budget of 127.0.0.1 is the first instance's to test
        return AnotherInstance.sharingStoresWith(context, "--ticketrush.queue.tick=PT0.05S",
                "--ticketrush.ratelimit.enabled=false");
    }

    @Test
    void twoInstancesNeverLetInMoreThanTheCapTogether() throws Exception {
        People.Person organizer = people.organizer();
        Shows.Show show = new Queues(first).onSale(organizer.token(), 5, 20, 4, 500, MAX_ACTIVE);
        UUID eventId = UUID.fromString(show.eventId());
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        List<Api> instances = List.of(first, second.api());
        List<Fan> fans = mint(FANS);
        AtomicLong mostActiveInRedis = new AtomicLong();
        AtomicLong mostActiveHolds = new AtomicLong();
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < fans.size(); i++) {
            index.put(fans.get(i).userId(), i);
        }

        try (Queues.AdmissionLog byFirst = Queues.AdmissionLog.of(show.eventId(), context);
                Queues.AdmissionLog bySecond = Queues.AdmissionLog.of(show.eventId(), second.context());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(post(second.api(), queue + "/control/pause", organizer.token()).json().get("paused").asBoolean()).isTrue();
            // the first half joins the paused line at once, through both instances: positions are line numbers
            Map<UUID, Long> joinedAt = new ConcurrentHashMap<>();
            Race.run(FANS / 2, i -> {
                JsonNode place = post(instances.get(i % 2), queue, fans.get(i).token()).json();
                joinedAt.put(fans.get(i).userId(), place.get("position").asLong());
            });
            assertThat(new HashSet<>(joinedAt.values())).as("one place each, 1..%d", FANS / 2)
                    .hasSize(FANS / 2).allMatch(p -> p >= 1 && p <= FANS / 2);

            AtomicBoolean done = new AtomicBoolean();
            long stopAt = System.nanoTime() + 60_000_000_000L; // never outlives a failed test
            Future<?> sampler = threads.submit(() -> {
                while (!done.get() && System.nanoTime() < stopAt) {
                    long active = lines.look(eventId, null).line().active();
                    long holds = jdbc.sql("SELECT count(*) FROM holds WHERE event_id = :e AND status = 'ACTIVE'")
                            .param("e", eventId).query(Long.class).single();
                    mostActiveInRedis.accumulateAndGet(active, Math::max);
                    mostActiveHolds.accumulateAndGet(holds, Math::max);
                    if (active > MAX_ACTIVE || holds > MAX_ACTIVE) {
                        violations.add("active " + active + ", holds " + holds);
                    }
                }
                return null;
            });
            // every admitted fan fetches their token from one instance, holds a seat through the other,
            // then lets it go: their slot is freed for the next fan
            Set<UUID> shopping = ConcurrentHashMap.newKeySet();
            List<Future<?>> shoppers = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.function.Consumer<UUID> startShopping = fanId -> {
                if (shopping.add(fanId)) {
                    int i = index.get(fanId);
                    shoppers.add(threads.submit(() -> shop(instances, fans.get(i), i, show)));
                }
            };
            byFirst.onAdmitted(startShopping);
            bySecond.onAdmitted(startShopping);

            post(first, queue + "/control/resume", organizer.token());
            // the second half joins while fans are being let in and leaving
            Race.run(FANS - FANS / 2, i -> {
                int n = FANS / 2 + i;
                assertThat(post(instances.get(n % 2), queue, fans.get(n).token()).status()).isEqualTo(200);
            });

            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> shopping.size() == FANS
                        && shoppers.size() == FANS && shoppers.stream().allMatch(Future::isDone));
            } finally {
                done.set(true);
            }
            for (Future<?> f : shoppers) {
                f.get();
            }
            sampler.get();

            // every fan was admitted exactly once, in line order, by one gatekeeper or the other
            List<Long> tickets = new ArrayList<>(byFirst.ticketsInPublicationOrder());
            tickets.addAll(bySecond.ticketsInPublicationOrder());
            assertThat(tickets).as("line numbers admitted by both gatekeepers together")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(range(FANS));
            List<UUID> admitted = merged(byFirst, bySecond);
            List<FanEntry> entries = lines.entries(eventId, admitted);
            for (int t = 0; t < FANS; t++) {
                assertThat(entries.get(t).ticket()).as("the %d-th admitted fan holds line number %d", t + 1, t + 1)
                        .isEqualTo(t + 1L);
                assertThat(entries.get(t).session().state()).as("done shopping").isEqualTo('D');
            }
            joinedAt.forEach((fan, position) -> assertThat(admitted.indexOf(fan) + 1L)
                    .as("a fan who joined the paused line at position %d is admitted %d-th", position, position)
                    .isEqualTo(position));
            System.out.printf("two instances: first admitted %d, second %d; most active %d (Redis), %d (holds)%n",
                    byFirst.fans().size(), bySecond.fans().size(), mostActiveInRedis.get(), mostActiveHolds.get());
            assertThat(byFirst.fans()).as("the first instance's gatekeeper took part").isNotEmpty();
            assertThat(bySecond.fans()).as("the second instance's gatekeeper took part").isNotEmpty();
        }
        assertThat(violations).as("samples above the cap of %d", MAX_ACTIVE).isEmpty();
        assertThat(mostActiveInRedis.get()).as("active shoppers in Redis at any moment").isBetween(1L, (long) MAX_ACTIVE);
        assertThat(mostActiveHolds.get()).as("fans holding seats at any moment").isBetween(1L, (long) MAX_ACTIVE);
        assertThat(lines.look(eventId, null).line().active()).isZero();
    }

    @Test
    void theLineSurvivesRestartingAnInstance() throws Exception {
        People.Person organizer = people.organizer();
        Shows.Show show = new Queues(first).onSale(organizer.token(), 2, 10, 4, 100, 3);
        UUID eventId = UUID.fromString(show.eventId());
        String queue = "/api/v1/events/" + show.eventId() + "/queue";
        List<Fan> fans = mint(12);
        post(first, queue + "/control/pause", organizer.token());
        for (int i = 0; i < fans.size(); i++) {
            Api.Response joined = post(i % 2 == 0 ? first : second.api(), queue, fans.get(i).token());
            assertThat(joined.json().get("position").asLong()).isEqualTo(i + 1L);
        }
        post(second.api(), queue + "/control/resume", organizer.token());
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.look(eventId, null).line().active() == 3);
        Map<UUID, String> before = new HashMap<>();
        for (Fan fan : fans) {
            before.put(fan.userId(), second.api().get(queue, fan.token()).body());
        }
        for (int i = 0; i < 3; i++) {
            assertThat(Api.JSON.readTree(before.get(fans.get(i).userId())).get("status").asString()).isEqualTo("ADMITTED");
        }

        second.close(); // the instance goes away with its beans, caches, streams and gatekeeper ...
        second = startSecond(); // ... and a new one starts against the same stores

        for (int i = 0; i < fans.size(); i++) {
            Fan fan = fans.get(i);
            JsonNode was = Api.JSON.readTree(before.get(fan.userId()));
            JsonNode now = second.api().get(queue, fan.token()).json();
            assertThat(now.get("status").asString()).as("fan %d after the restart", i + 1).isEqualTo(was.get("status").asString());
            assertThat(now.get("position").asLong()).as("fan %d keeps the place", i + 1).isEqualTo(was.get("position").asLong());
            if (i < 3) {
                assertThat(now.get("admissionToken").asString()).as("the same admission, the same token")
                        .isEqualTo(was.get("admissionToken").asString());
            } else {
                assertThat(now.get("position").asLong()).isEqualTo(i - 2L);
            }
        }
        assertThat(post(second.api(), queue, fans.get(7).token()).json().get("position").asLong())
                .as("joining again on the new instance keeps the place").isEqualTo(5);
        JsonNode streamed = firstStreamMessage(second.api(), queue, fans.get(4).token());
        assertThat(streamed.get("position").asLong()).as("the new instance's stream").isEqualTo(2);

        // a token the old instance handed out opens a hold on the new one; letting it go frees one slot
        String token = Api.JSON.readTree(before.get(fans.getFirst().userId())).get("admissionToken").asString();
        Api.Response hold = second.api().post("/api/v1/performances/" + show.performanceId() + "/holds",
                fans.getFirst().token(), Map.of("seatIds", List.of("A-1-1")), Map.of("Admission-Token", token));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(first.delete("/api/v1/holds/" + hold.json().get("holdId").asString(), fans.getFirst().token()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "ADMITTED".equals(second.api().get(queue, fans.get(3).token()).json().get("status").asString()));
        assertThat(lines.look(eventId, null).line().serving()).as("exactly one more fan let in").isEqualTo(4);
        assertThat(lines.look(eventId, null).line().active()).isEqualTo(3);
        assertThat(first.get(queue, fans.get(4).token()).json().get("position").asLong()).isEqualTo(1);
        assertThat(first.get(queue, fans.getFirst().token()).json().get("reason").asString()).isEqualTo("admission-used");
    }

    private record Fan(UUID userId, String token) {
    }

    private List<Fan> mint(int count) {
        People.Person admin = people.withRoles("ADMIN");
        Api.Response minted = first.post("/api/v1/rehearsal/fans", admin.token(), Map.of("count", count));
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        List<Fan> fans = new ArrayList<>();
        minted.json().get("fans").forEach(f -> fans.add(new Fan(UUID.fromString(f.get("userId").asString()),
                f.get("accessToken").asString())));
        return fans;
    }

    /** Token from one instance, a hold through the other, released again through the first. */
    private static void shop(List<Api> instances, Fan fan, int i, Shows.Show show) {
        Api one = instances.get(i % 2);
        Api other = instances.get((i + 1) % 2);
        JsonNode place = one.get("/api/v1/events/" + show.eventId() + "/queue", fan.token()).json();
        assertThat(place.get("status").asString()).as(place.toString()).isEqualTo("ADMITTED");
        String seat = (i % 2 == 0 ? "A" : "B") + "-" + (1 + (i / 2) / 20) + "-" + (1 + (i / 2) % 20);
        Api.Response hold = other.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seat)), Map.of("Admission-Token", place.get("admissionToken").asString()));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(one.delete("/api/v1/holds/" + hold.json().get("holdId").asString(), fan.token()).status()).isEqualTo(204);
    }

    private static List<UUID> merged(Queues.AdmissionLog a, Queues.AdmissionLog b) {
        record Admitted(long ticket, UUID fan) {
        }
        List<Admitted> all = new ArrayList<>();
        for (Queues.AdmissionLog log : List.of(a, b)) {
            List<Long> tickets = log.ticketsInPublicationOrder();
            List<UUID> fans = log.fansInPublicationOrder();
            for (int i = 0; i < Math.min(tickets.size(), fans.size()); i++) {
                all.add(new Admitted(tickets.get(i), fans.get(i)));
            }
        }
        return all.stream().sorted(java.util.Comparator.comparingLong(Admitted::ticket)).map(Admitted::fan).toList();
    }

    private static List<Long> range(int n) {
        List<Long> all = new ArrayList<>();
        for (long t = 1; t <= n; t++) {
            all.add(t);
        }
        return all;
    }

    private static Api.Response post(Api api, String path, String token) {
        Api.Response response = api.post(path, token, Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static JsonNode firstStreamMessage(Api api, String queue, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + queue + "/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return Api.JSON.readTree(line.substring(5));
                    }
                }
            }
        }
        throw new AssertionError("the stream ended without a message");
    }
}
