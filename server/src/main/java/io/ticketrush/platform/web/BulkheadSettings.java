package io.ticketrush.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled        whether hold and order calls go through the bulkhead at all
 * @param maxConcurrent  hold and order calls one instance works on at once;
 *                       keep it below the database pool so the hold sweeper, the payment reconciler,
 *                       the outbox and the reads always find a connection
 * @param maxWait        how long a call may wait for its turn before it is answered 503 {@code busy}
 */
@ConfigurationProperties("ticketrush.bulkhead")
record BulkheadSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30") int maxConcurrent,
        @DefaultValue("PT1S") Duration maxWait) {
}
