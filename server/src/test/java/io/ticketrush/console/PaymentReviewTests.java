package io.ticketrush.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Operators see the orders the reconciler gave up on; organizers do not (the page does not exist for them). */
@IntegrationTest
class PaymentReviewTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminSeesOrdersInManualReviewWithTheReasonAndAnOrganizerGets404() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        UUID orderId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO orders (id, user_id, hold_id, performance_id, event_id, performance_starts_at, status,
                    seat_ids, grade_codes, prices, subtotal, amount, payment_deadline, payment_state, payment_key,
                    payment_attempted_at, refund_amount, created_at, ended_at, settle_attempts, settle_note)
                VALUES (:id, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() + interval '9 days',
                    'CANCELLED', ARRAY['A-1-1'], ARRAY['R'], ARRAY[99000::bigint], 99000, 99000, now(), 'MANUAL_REVIEW',
                    'pk-review', now(), 79200, now(), now(), 1, 'refund refused by the gateway: NOT_CANCELABLE_AMOUNT')""")
                .param("id", orderId).update();
        try {
            Api.Response page = api.get("/console/orders/review", people.withRoles("ORGANIZER", "ADMIN").token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body()).contains(orderId.toString()).contains("pk-review")
                    .contains("NOT_CANCELABLE_AMOUNT").contains("79,200");

            Api.Response organizer = api.get("/console/orders/review", people.organizer().token());
            assertThat(organizer.status()).isEqualTo(404);
        } finally {
            jdbc.sql("DELETE FROM orders WHERE id = :id").param("id", orderId).update();
        }
    }
}
