package io.ticketrush.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Race;
import io.ticketrush.testing.Shows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark baselines must be correct before their speed means anything: racing fans over
 * real HTTP, the same invariants as the real hold. Runs with the benchmark profile (its own context).
 */
@IntegrationTest
@ActiveProfiles({"benchmark", "test"})
class BaselineHoldTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    People people;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "redisson"})
    void twoHundredFansRaceForFiftySeatsAndNoSeatIsHeldTwice(String baseline) throws Exception {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 5, 5, 4);
        List<String> allSeats = jdbc.sql("SELECT seat_id FROM seat_inventory WHERE performance_id = :p::uuid")
                .param("p", show.performanceId()).query(String.class).list();
        List<String> fans = rehearsalTokens(200);
        Map<String, List<String>> won = new ConcurrentHashMap<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(fans.size(), i -> {
            Random random = new Random(i);
            List<String> copy = new ArrayList<>(allSeats);
            Collections.shuffle(copy, random);
            Api.Response response = api.post(path(baseline, show.performanceId()), fans.get(i),
                    Map.of("seatIds", copy.subList(0, 1 + random.nextInt(3))));
            statuses.add(response.status());
            if (response.status() == 201) {
                won.put(response.json().get("holdId").asString(), response.json().get("seats").findValuesAsString("seatId"));
            }
        });

        assertThat(statuses).as("only won or lost, never an error").allMatch(s -> s == 201 || s == 409);
        assertThat(won).as("some fans won").isNotEmpty();
        List<String> heldSeats = won.values().stream().flatMap(List::stream).toList();
        assertThat(heldSeats).as("no seat held twice").doesNotHaveDuplicates();
        int held = jdbc.sql("SELECT count(*) FROM seat_inventory WHERE performance_id = :p::uuid AND status = 'HELD'")
                .param("p", show.performanceId()).query(Integer.class).single();
        assertThat(held).isEqualTo(heldSeats.size());
        Long mismatched = jdbc.sql("""
                SELECT count(*) FROM holds h CROSS JOIN LATERAL unnest(h.seat_ids) AS s(seat_id)
                JOIN seat_inventory i ON i.performance_id = h.performance_id AND i.seat_id = s.seat_id
                WHERE h.performance_id = :p::uuid AND h.status = 'ACTIVE' AND i.hold_id IS DISTINCT FROM h.id""")
                .param("p", show.performanceId()).query(Long.class).single();
        assertThat(mismatched).as("every seat of an active hold points back to it").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "redisson"})
    void overlappingSeatSetsNeverDeadlockAndGoToOneHoldAtMost(String baseline) throws Exception {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 10);
        List<String> fans = rehearsalTokens(40);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(fans.size(), i -> {
            List<String> seats = new ArrayList<>(IntStream.rangeClosed(1, 6).mapToObj(n -> "A-1-" + n).toList());
            if (i % 2 == 1) {
                Collections.reverse(seats);
            }
            statuses.add(api.post(path(baseline, show.performanceId()), fans.get(i), Map.of("seatIds", seats)).status());
        });
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    }

    @Test
    void aBaselineHoldHasTheRealHoldsShapeAndCanBeOrdered() {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 4, 4);
        String fan = rehearsalTokens(1).getFirst();
        Api.Response hold = api.post(path("pessimistic", show.performanceId()), fan, Map.of("seatIds", List.of("A-1-1", "A-1-2")));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(hold.json().get("seats").findValuesAsString("seatId")).containsExactly("A-1-1", "A-1-2");
        assertThat(hold.json().get("totalPrice").asLong()).isEqualTo(300_000);
        assertThat(hold.json().get("expiresAt").asString()).isNotBlank();

        Api.Response again = api.post(path("redisson", show.performanceId()), rehearsalTokens(1).getFirst(),
                Map.of("seatIds", List.of("A-1-2", "A-1-3")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("seat-unavailable");

        Api.Response order = api.post("/api/v1/orders", fan, Map.of("holdId", hold.json().get("holdId").asString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("amount").asLong()).isEqualTo(300_000);
    }

    @Test
    void theBaselinesNeedASignedInFanAndRespectThePerPersonLimit() {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 2);
        assertThat(api.post(path("pessimistic", show.performanceId()), null, Map.of("seatIds", List.of("A-1-1"))).status())
                .isEqualTo(401);
        String fan = rehearsalTokens(1).getFirst();
        assertThat(api.post(path("redisson", show.performanceId()), fan, Map.of("seatIds", List.of("A-1-1", "A-1-2"))).status())
                .isEqualTo(201);
        Api.Response third = api.post(path("pessimistic", show.performanceId()), fan, Map.of("seatIds", List.of("A-1-3")));
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.code()).isEqualTo("limit-exceeded");
    }

    private static String path(String baseline, String performanceId) {
        return "/benchmark/baseline/" + baseline + "/performances/" + performanceId + "/holds";
    }

    private List<String> rehearsalTokens(int count) {
        People.Person admin = people.withRoles("ADMIN");
        Api.Response created = api.post("/api/v1/rehearsal/fans", admin.token(), Map.of("count", count));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("fans").findValuesAsString("accessToken");
    }
}
