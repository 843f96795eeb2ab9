package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * TODO(queue): the waiting-room phase of the flash sale, to fill in when the queue module is
 * merged. Each fan will then, before holding:
 * <ol>
 *   <li>{@code POST /api/v1/events/{eventId}/queue} at the opening (timed as {@code flash:queue-join},
 *       target: joins >= 15,000/s with p99 < 25 ms);</li>
 *   <li>poll {@code GET /api/v1/events/{eventId}/queue} (or read the SSE stream) until
 *       {@code status = ADMITTED}, saving {@code admissionToken} in the session;</li>
 *   <li>send {@code Admission-Token: #{admissionToken}} on the hold, order and confirm calls
 *       (the places are marked TODO(queue) in {@link FlashSale}).</li>
 * </ol>
 * The staging then creates the flash-sale event with {@code queue.enabled = true} (see
 * {@link Staging#show}) and the server runs with {@code --ticketrush.ratelimit.enabled=false}.
 * Until then this hook adds nothing and the report marks the waiting-room rows "not built yet".
 */
final class QueueHooks {

    private QueueHooks() {
    }

    static ChainBuilder joinAndAwaitAdmission(Timeline timeline, String eventId) {
        return exec(session -> session); // TODO(queue): join, wait for admission, keep the token
    }
}
