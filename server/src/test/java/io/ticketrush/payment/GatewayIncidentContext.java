package io.ticketrush.payment;

import io.ticketrush.testing.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The server for tests that switch the sandbox into an incident: a small breaker window (4 calls)
 * so that a few calls decide, a 2.5 s slow mode, and the reconciler's schedule off, so that the
 * only gateway calls are the ones the tests make. Its own Spring context, so an incident never
 * leaks into the sandbox that other test classes use.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "ticketrush.payment.breaker.sliding-window=4",
        "ticketrush.payment.breaker.minimum-calls=4",
        "ticketrush.payment.breaker.failure-rate-threshold=50",
        "ticketrush.payment.breaker.slow-call-rate-threshold=50",
        "ticketrush.payment.breaker.slow-call-duration=PT1S",
        "ticketrush.payment.breaker.wait-in-open=PT30S",
        "ticketrush.payment.breaker.half-open-calls=1",
        "ticketrush.payment.sandbox.incident-delay=PT2.5S",
        "ticketrush.order.reconcile-interval=PT1H"})
public @interface GatewayIncidentContext {
}
