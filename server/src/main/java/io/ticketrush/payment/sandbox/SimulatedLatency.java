package io.ticketrush.payment.sandbox;

import java.time.Duration;

/**
 * The sandbox gateway's simulated slow or lost answer: the work is done and committed, then the
 * answer is held back while the caller waits, as a real provider's late reply would be. It is the
 * only place in the main code allowed to sleep ({@code ArchitectureTests} lists it as the one
 * exception): the wait is what the sandbox simulates, it blocks only the sandbox request's own
 * (virtual) thread, and no application logic waits on it for its correctness.
 */
final class SimulatedLatency {

    private SimulatedLatency() {
    }

    static void holdBack(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
