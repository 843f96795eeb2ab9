package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.SeatRows;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Race;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat map cache against the real stores, aged by a ticker the test moves: a snapshot is served
 * from memory for the freshness window, then the version in Redis decides whether it is rebuilt.
 */
@IntegrationTest
class SeatMapTests {

    private static final Duration FRESHNESS = Duration.ofMinutes(1);
    private static final Duration PAST_THE_WINDOW = FRESHNESS.plusMillis(1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeatRows seatRows;
    @Autowired
    SeatMapChanges changes;
    @Autowired
    JsonMapper json;
    @Autowired
    HoldSeats holdSeats;
    @Autowired
    StringRedisTemplate redis;

    private final AtomicLong nanos = new AtomicLong();
    Api api;
    People people;
    PerformanceSale sale;
    SeatMap seatMap;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 5, 4);
        sale = holdSeats.saleOf(UUID.fromString(show.performanceId()));
        InventorySettings settings = new InventorySettings(Duration.ofMinutes(5), Duration.ofSeconds(1), 500, FRESHNESS,
                Duration.ofSeconds(1));
        seatMap = new SeatMap(seatRows, changes, settings, json, nanos::get);
    }

    @Test
    void aSnapshotIsServedFromMemoryUntilTheTickerPassesTheFreshnessWindow() {
        SeatMap.Snapshot first = seatMap.snapshot(sale);
        assertThat(status(first, "A-1-1")).isEqualTo("AVAILABLE");

        hold("A-1-1");
        advance(FRESHNESS);
        SeatMap.Snapshot within = seatMap.snapshot(sale);
        assertThat(within).as("not older than the window: no Redis, no database").isSameAs(first);

        advance(Duration.ofMillis(1));
        SeatMap.Snapshot after = seatMap.snapshot(sale);
        assertThat(after.version()).as("the version moved: rebuilt by the reader who checked").isGreaterThan(first.version());
        assertThat(status(after, "A-1-1")).isEqualTo("HELD");
        assertThat(after.availability()).filteredOn(g -> g.code().equals("VIP"))
                .singleElement().satisfies(vip -> assertThat(vip.held()).isEqualTo(1));
    }

    @Test
    void aCheckThatFindsNoChangeStartsANewWindow() {
        SeatMap.Snapshot first = seatMap.snapshot(sale);
        advance(PAST_THE_WINDOW);
        assertThat(seatMap.snapshot(sale)).as("checked: version unchanged, same snapshot").isSameAs(first);

        redis.opsForValue().increment(SeatMapChanges.versionKey(sale.performanceId()));
        assertThat(seatMap.snapshot(sale)).as("the check just now is fresh: not asked again").isSameAs(first);

        advance(PAST_THE_WINDOW);
        assertThat(seatMap.snapshot(sale).version()).isEqualTo(first.version() + 1);
    }

    @Test
    void readersRacingARebuildGetTheOldOrTheNewSnapshotAndOneOfThemRebuilds() throws Exception {
        SeatMap.Snapshot first = seatMap.snapshot(sale);
        hold("A-2-5");
        advance(PAST_THE_WINDOW);
        Set<SeatMap.Snapshot> seen = ConcurrentHashMap.newKeySet();
        Race.run(64, i -> seen.add(seatMap.snapshot(sale)));

        SeatMap.Snapshot rebuilt = seatMap.snapshot(sale);
        assertThat(rebuilt.version()).isGreaterThan(first.version());
        assertThat(status(rebuilt, "A-2-5")).isEqualTo("HELD");
        assertThat(seen).as("every reader got a snapshot: the previous one or the single rebuilt one")
                .isSubsetOf(first, rebuilt).contains(rebuilt);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private void hold(String seatId) {
        Api.Response held = api.post("/api/v1/performances/" + sale.performanceId() + "/holds", people.fan().token(),
                Map.of("seatIds", List.of(seatId)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
    }

    private String status(SeatMap.Snapshot snapshot, String seatId) {
        for (JsonNode seat : json.readTree(snapshot.seatMapJson()).get("seats")) {
            if (seat.get("seatId").asString().equals(seatId)) {
                return seat.get("status").asString();
            }
        }
        throw new AssertionError("no seat " + seatId);
    }
}
