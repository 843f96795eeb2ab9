package io.ticketrush.inventory;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many threads race over real HTTP; the assertions are invariants, never timings. */
@IntegrationTest
class HoldConcurrencyTests {

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

    @Test
    void twoHundredFansRaceForFiftySeats() throws Exception {
        // 2 sections x 5 rows x 5 seats = 50 seats
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 5, 5, 4);
        List<String> allSeats = jdbc.sql("SELECT seat_id FROM seat_inventory WHERE performance_id = :p::uuid")
                .param("p", show.performanceId()).query(String.class).list();
        List<String> fans = rehearsalTokens(200);
        Map<String, List<String>> won = new ConcurrentHashMap<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(fans.size(), i -> {
            Random random = new Random(i);
            Object body = i % 3 == 0
                    ? Map.of("gradeCode", random.nextBoolean() ? "VIP" : "R", "quantity", 1 + random.nextInt(2))
                    : Map.of("seatIds", pick(allSeats, random, 1 + random.nextInt(3)));
            Api.Response response = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fans.get(i), body);
            statuses.add(response.status());
            if (response.status() == 201) {
                won.put(response.json().get("holdId").asString(), response.json().get("seats").findValuesAsString("seatId"));
            }
        });

        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        List<String> heldSeats = won.values().stream().flatMap(List::stream).toList();
        assertThat(heldSeats).as("no seat held twice").doesNotHaveDuplicates();
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'AVAILABLE') AS available,
                       count(*) FILTER (WHERE status = 'HELD') AS held,
                       count(*) FILTER (WHERE status = 'SOLD') AS sold, count(*) AS total
                FROM seat_inventory WHERE performance_id = :p::uuid""")
                .param("p", show.performanceId()).query().singleRow();
        assertThat(((Number) counts.get("held")).intValue()).isEqualTo(heldSeats.size());
        assertThat(((Number) counts.get("available")).longValue() + ((Number) counts.get("held")).longValue()
                + ((Number) counts.get("sold")).longValue()).isEqualTo(50).isEqualTo(((Number) counts.get("total")).longValue());
        Long mismatched = jdbc.sql("""
                SELECT count(*) FROM holds h CROSS JOIN LATERAL unnest(h.seat_ids) AS s(seat_id)
                JOIN seat_inventory i ON i.performance_id = h.performance_id AND i.seat_id = s.seat_id
                WHERE h.performance_id = :p::uuid AND h.status = 'ACTIVE' AND i.hold_id IS DISTINCT FROM h.id""")
                .param("p", show.performanceId()).query(Long.class).single();
        assertThat(mismatched).as("every seat of an active hold points back to it").isZero();
    }

    @Test
    void oneFanFiringTenHoldsAtOnceCannotPassTheLimit() throws Exception {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 10, 10, 4);
        People.Person fan = people.fan();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(10, i -> statuses.add(api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of("B-" + (i + 1) + "-1", "B-" + (i + 1) + "-2"))).status()));
        int heldSeats = jdbc.sql("SELECT count(*) FROM seat_inventory i JOIN holds h ON h.id = i.hold_id WHERE h.user_id = :u")
                .param("u", fan.userId()).query(Integer.class).single();
        assertThat(heldSeats).isLessThanOrEqualTo(4);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(heldSeats / 2);
        assertThat(statuses).allMatch(s -> s == 201 || s == 422);
        int quota = jdbc.sql("SELECT used FROM purchase_quotas WHERE user_id = :u AND event_id = :e::uuid")
                .param("u", fan.userId()).param("e", show.eventId()).query(Integer.class).single();
        assertThat(quota).isEqualTo(heldSeats);
    }

    @Test
    void overlappingSeatSetsNeverDeadlock() throws Exception {
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 10);
        List<String> fans = rehearsalTokens(60);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(fans.size(), i -> {
            // half ask for 1..6 ascending, half for 6..1 descending: the classic deadlock shape
            List<String> seats = new ArrayList<>(IntStream.rangeClosed(1, 6).mapToObj(n -> "A-1-" + n).toList());
            if (i % 2 == 1) {
                Collections.reverse(seats);
            }
            statuses.add(api.post("/api/v1/performances/" + show.performanceId() + "/holds", fans.get(i),
                    Map.of("seatIds", seats)).status());
        });
        assertThat(statuses).as("every request got an answer, none a 500").allMatch(s -> s == 201 || s == 409);
        long winners = statuses.stream().filter(s -> s == 201).count();
        assertThat(winners).as("six seats can be won by one hold at most").isLessThanOrEqualTo(1);
        List<String> states = jdbc.sql("SELECT DISTINCT coalesce(hold_id::text, 'none') FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id LIKE 'A-1-%' AND seat_number <= 6")
                .param("p", show.performanceId()).query(String.class).list();
        assertThat(states).as("the six seats are all free or all in the one winning hold").hasSize(1);
        assertThat(states.getFirst().equals("none")).isEqualTo(winners == 0);
    }

    private List<String> rehearsalTokens(int count) {
        People.Person admin = people.withRoles("ADMIN");
        Api.Response created = api.post("/api/v1/rehearsal/fans", admin.token(), Map.of("count", count));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("fans").findValuesAsString("accessToken");
    }

    private static List<String> pick(List<String> seats, Random random, int n) {
        List<String> copy = new ArrayList<>(seats);
        Collections.shuffle(copy, random);
        return copy.subList(0, n);
    }
}
