package io.ticketrush.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/me/orders} with several orders of several people: the tickets are read for all
 * of the caller's orders at once, and each order still shows exactly its own tickets.
 */
@IntegrationTest
class MyOrdersTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachOrderListsItsOwnTicketsAndNobodyElsesOrdersAppear() {
        Api api = new Api(port);
        Shows.Show show = new Shows(api).onSale(new People(api, jdbc).organizer().token(), 2, 10, 10);
        Fans fans = new Fans(api);
        Fans.Person fan = fans.signUp();
        Fans.Person other = fans.signUp();

        String pair = order(api, show, fan, List.of("A-1-1", "A-1-2"), true);
        String otherOrder = order(api, show, other, List.of("A-1-3"), true);
        String single = order(api, show, fan, List.of("A-1-4"), true);
        String unpaid = order(api, show, fan, List.of("A-1-5"), false);
        String otherUnpaid = order(api, show, other, List.of("A-1-6"), false);

        Api.Response mine = api.get("/api/v1/me/orders", fan.token());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonNode items = mine.json().get("items");
        assertThat(items.findValuesAsString("orderId")).as("only the caller's")
                .containsExactlyInAnyOrder(unpaid, single, pair);
        assertThat(seatsOfTickets(item(items, pair))).containsExactly("A-1-1", "A-1-2");
        assertThat(seatsOfTickets(item(items, single))).containsExactly("A-1-4");
        assertThat(seatsOfTickets(item(items, unpaid))).as("no tickets before payment").isEmpty();
        for (JsonNode item : items) {
            String orderId = item.get("orderId").asString();
            assertThat(item).as("the list shows an order as GET /orders/{id} does")
                    .isEqualTo(api.get("/api/v1/orders/" + orderId, fan.token()).json());
        }

        JsonNode theirs = api.get("/api/v1/me/orders", other.token()).json().get("items");
        assertThat(theirs.findValuesAsString("orderId")).containsExactlyInAnyOrder(otherUnpaid, otherOrder);
        assertThat(seatsOfTickets(item(theirs, otherOrder))).containsExactly("A-1-3");
    }

    private static String order(Api api, Shows.Show show, Fans.Person fan, List<String> seats, boolean pay) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", seats));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().get("orderId").asString();
        if (pay) {
            long amount = order.json().get("amount").asLong();
            String paymentKey = PurchaseFlowTests.checkout(api, orderId, amount, PurchaseFlowTests.APPROVE);
            Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                    Map.of("paymentKey", paymentKey, "amount", amount));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        }
        return orderId;
    }

    private static JsonNode item(JsonNode items, String orderId) {
        for (JsonNode item : items) {
            if (item.get("orderId").asString().equals(orderId)) {
                return item;
            }
        }
        throw new AssertionError("order " + orderId + " is not in " + items);
    }

    private static List<String> seatsOfTickets(JsonNode order) {
        List<String> seats = new ArrayList<>();
        for (JsonNode ticket : order.get("tickets")) {
            seats.add(ticket.get("seatId").asString());
        }
        return seats;
    }
}
