package io.ticketrush.payment.toss;

/** One HTTP exchange with the gateway: its status and body, or why there was no answer. */
sealed interface Exchange {

    record Answered(int status, String body) implements Exchange {

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** Timeout, connection failure, or no address yet: the request may or may not have been carried out. */
    record NoAnswer(String reason) implements Exchange {
    }
}
