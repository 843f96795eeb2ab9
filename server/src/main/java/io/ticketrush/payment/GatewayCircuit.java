package io.ticketrush.payment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.payment.PaymentIncidents.PaymentIncidentDetected;
import io.ticketrush.payment.PaymentIncidents.PaymentIncidentResolved;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The circuit breaker around the payment gateway (Resilience4j), one per instance. It measures every
 * gateway call; when too many fail or are slow it opens, and calls are refused at once instead of
 * each waiting for the gateway's timeout. The wait in the open state runs on the injected clock.
 * Each opening publishes {@link PaymentIncidentDetected} (through the event publication registry),
 * each closing {@link PaymentIncidentResolved}. Its state is exported as the Micrometer meters
 * {@code resilience4j.circuitbreaker.*{name="payment-gateway"}}.
 */
@Component
class GatewayCircuit {

    static final String NAME = "payment-gateway";

    private static final Log log = LogFactory.getLog(GatewayCircuit.class);

    private final CircuitBreaker breaker;
    private final Duration waitInOpen;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    GatewayCircuit(PaymentSettings settings, MeterRegistry meters, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        PaymentSettings.Breaker rules = settings.breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(rules.slidingWindow(), rules.minimumCalls(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(rules.failureRateThreshold())
                .slowCallRateThreshold(rules.slowCallRateThreshold())
                .slowCallDurationThreshold(rules.slowCallDuration())
                .waitDurationInOpenState(rules.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(rules.halfOpenCalls())
                .clock(clock)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        this.breaker = registry.circuitBreaker(NAME);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        this.waitInOpen = rules.waitInOpen();
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        breaker.getEventPublisher().onStateTransition(this::transitioned);
    }

    /**
     * Makes the call if the breaker lets it through and records how it went: {@code failed} results
     * (no trustworthy answer) and exceptions count as failures, any result as a call of its duration.
     *
     * @return the call's result, or {@code refused} without calling when the breaker is open
     */
    <T> T call(Supplier<T> call, Predicate<T> failed, Supplier<T> refused) {
        if (!breaker.tryAcquirePermission()) {
            return refused.get();
        }
        long start = breaker.getCurrentTimestamp();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw e;
        }
        long took = breaker.getCurrentTimestamp() - start;
        if (failed.test(result)) {
            breaker.onError(took, breaker.getTimestampUnit(), new NoTrustworthyAnswer());
        } else {
            breaker.onSuccess(took, breaker.getTimestampUnit());
        }
        return result;
    }

    /** @throws PaymentGatewayUnavailable if a call now would be refused; takes no trial call from a half-open breaker */
    void requireClosedOrTrial() {
        if (!breaker.tryAcquirePermission()) {
            throw new PaymentGatewayUnavailable(waitInOpen);
        }
        breaker.releasePermission();
    }

    boolean inIncident() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Back to closed with no calls recorded (tests). */
    void reset() {
        breaker.reset();
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent transition) {
        CircuitBreaker.State to = transition.getStateTransition().getToState();
        if (to == CircuitBreaker.State.OPEN) {
            log.warn("Payment gateway circuit breaker opened (%s): confirmations are refused for %d s, then tried again"
                    .formatted(transition.getStateTransition(), waitInOpen.toSeconds()));
            publish(new PaymentIncidentDetected(clock.instant()));
        } else if (to == CircuitBreaker.State.CLOSED) {
            log.warn("Payment gateway circuit breaker closed (%s): the gateway answers again"
                    .formatted(transition.getStateTransition()));
            publish(new PaymentIncidentResolved(clock.instant()));
        }
    }

    private void publish(Object event) {
        try {
            ownTransaction.executeWithoutResult(status -> events.publishEvent(event));
        } catch (RuntimeException e) {
            // The breaker works without it; the next opening publishes again.
            log.error("Could not record " + event, e);
        }
    }

    /** What the breaker records as the failure of a call that answered without a trustworthy answer. */
    static final class NoTrustworthyAnswer extends RuntimeException {

        NoTrustworthyAnswer() {
            super("the payment gateway gave no trustworthy answer", null, false, false);
        }
    }
}
