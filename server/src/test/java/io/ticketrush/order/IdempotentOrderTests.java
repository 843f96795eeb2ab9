package io.ticketrush.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Race;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #11, item 5: requests with the same Idempotency-Key at once get one order; another body is 422. */
@IntegrationTest
class IdempotentOrderTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void requestsWithTheSameKeyAtOnceAllGetTheSameOrder() throws Exception {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 4);
        People.Person fan = people.fan();
        String holdId = hold(api, show, fan, "A-1-1");

        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        Set<String> orders = ConcurrentHashMap.newKeySet();
        Race.run(16, i -> {
            Api.Response placed = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId),
                    Map.of("Idempotency-Key", "double-click"));
            statuses.add(placed.status());
            if (placed.status() == 201) {
                orders.add(placed.json().get("orderId").asString());
            }
        });

        assertThat(statuses).as("every request is answered with the order, none with 409").containsExactly(201);
        assertThat(orders).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE hold_id = :h::uuid").param("h", holdId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReplayWithAnotherBodyIs422AndChangesNothing() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 4);
        People.Person fan = people.fan();
        String first = hold(api, show, fan, "A-2-1");
        String second = hold(api, show, fan, "A-2-2");
        Map<String, String> key = Map.of("Idempotency-Key", "k-1");
        assertThat(api.post("/api/v1/orders", fan.token(), Map.of("holdId", first), key).status()).isEqualTo(201);

        Api.Response reused = api.post("/api/v1/orders", fan.token(), Map.of("holdId", second), key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency-key-reused");
        Api.Response withCoupon = api.post("/api/v1/orders", fan.token(),
                Map.of("holdId", first, "couponId", "0193a1a0-0000-7000-8000-000000000001"), key);
        assertThat(withCoupon.status()).as("a coupon added is another body").isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE hold_id = :h::uuid").param("h", second)
                .query(Long.class).single()).isZero();
    }

    private static String hold(Api api, Shows.Show show, People.Person fan, String... seats) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().get("holdId").asString();
    }
}
