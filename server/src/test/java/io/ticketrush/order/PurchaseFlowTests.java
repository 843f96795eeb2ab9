package io.ticketrush.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import io.ticketrush.testing.Staffing;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The whole purchase over HTTP, the way a fan's app and a door scanner use it. */
@IntegrationTest
class PurchaseFlowTests {

    static final String APPROVE = "4000-0000-0000-0000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpHoldOrderPayGetTicketAndCheckIn() throws Exception {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        People.Person organizer = people.organizer();
        Shows.Show show = new Shows(api).tonight(organizer.token(), 2, 10); // its door is open now
        Fans.Person fan = new Fans(api).signUp();

        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of("A-1-5", "A-1-6")));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        String holdId = hold.json().get("holdId").asString();

        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId), Map.of("Idempotency-Key", "k-1"));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.json().get("amount").asLong()).isEqualTo(300_000);
        assertThat(order.json().get("paymentDeadline").asString()).isEqualTo(hold.json().get("expiresAt").asString());
        String orderId = order.json().get("orderId").asString();
        Api.Response repeat = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId), Map.of("Idempotency-Key", "k-1"));
        assertThat(repeat.json().get("orderId").asString()).as("same key, same order").isEqualTo(orderId);
        assertThat(api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId)).code()).isEqualTo("hold-already-ordered");

        String paymentKey = checkout(api, orderId, 300_000, APPROVE);
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", paymentKey, "amount", 300_000));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        JsonNode tickets = paid.json().get("tickets");
        assertThat(tickets.findValuesAsString("seatId")).containsExactlyInAnyOrder("A-1-5", "A-1-6");
        Api.Response again = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", paymentKey, "amount", 300_000));
        assertThat(again.status()).as("confirming twice is harmless").isEqualTo(200);

        String ticketId = tickets.get(0).get("ticketId").asString();
        Api.Response ticket = api.get("/api/v1/tickets/" + ticketId, fan.token());
        assertThat(ticket.status()).isEqualTo(200);
        String code = ticket.json().get("code").asString();
        Api.Response qr = api.get("/api/v1/tickets/" + ticketId + "/qr", fan.token());
        assertThat(qr.header("Content-Type")).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))),
                Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(code);

        assertThat(seatStatus(show, "A-1-5")).isEqualTo("SOLD");
        People.Person staff = Staffing.staffOf(api, people, organizer.token());
        Api.Response checkIn = api.post("/api/v1/check-ins", staff.token(), Map.of("code", decoded));
        assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/check-ins", staff.token(), Map.of("code", decoded)).code()).isEqualTo("already-checked-in");

        assertThat(api.get("/api/v1/me/orders", fan.token()).json().get("items").findValuesAsString("orderId")).containsExactly(orderId);
        assertThat(api.get("/api/v1/me/tickets", fan.token()).json().get("items").size()).isEqualTo(2);
        People.Person stranger = people.fan();
        assertThat(api.get("/api/v1/orders/" + orderId, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + orderId, stranger.token()).code()).isEqualTo("unknown-order");
        assertThat(api.get("/api/v1/tickets/" + ticketId, stranger.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders", stranger.token(), Map.of("holdId", holdId)).code()).isEqualTo("unknown-hold");
    }

    static String checkout(Api api, String orderId, long amount, String card) {
        Api.Response checkout = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", amount, "cardNumber", card));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        return checkout.json().get("paymentKey").asString();
    }

    private String seatStatus(Shows.Show show, String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id = :s")
                .param("p", show.performanceId()).param("s", seatId).query(String.class).single();
    }
}
