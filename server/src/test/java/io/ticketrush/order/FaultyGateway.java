package io.ticketrush.order;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.payment.toss.TossPaymentsClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real gateway client (HTTP to the sandbox) with faults a test switches on per order: a crash
 * after the refund reached the gateway or before it was sent, a lookup that gets no answer, a
 * lookup that stalls or moves the clock. Everything else passes through unchanged.
 */
final class FaultyGateway implements PaymentGateway {

    /** Imported by the tests that need it: wraps the application's gateway. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        static BeanPostProcessor faultyGateway() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    // the application's gateway (the circuit guard); the raw client it wraps stays itself
                    return bean instanceof PaymentGateway gateway && !(bean instanceof FaultyGateway)
                            && !(bean instanceof TossPaymentsClient) ? new FaultyGateway(gateway) : bean;
                }
            };
        }
    }

    /** Simulates the process dying at that point. */
    static final class Crash extends RuntimeException {
        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    private final PaymentGateway real;
    private final Set<String> crashAfterRefund = ConcurrentHashMap.newKeySet();
    private final Set<String> crashBeforeRefund = ConcurrentHashMap.newKeySet();
    private final Map<String, Function<String, PaymentOutcome>> lookups = new ConcurrentHashMap<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    FaultyGateway(PaymentGateway real) {
        this.real = real;
    }

    /** The next refund with an idempotency key ending in this order id reaches the gateway, then the caller dies. */
    void crashAfterRefund(Object orderId) {
        crashAfterRefund.add(orderId.toString());
    }

    /** The next refund for this order never leaves: the caller dies first. */
    void crashBeforeRefund(Object orderId) {
        crashBeforeRefund.add(orderId.toString());
    }

    /** Lookups of this order run {@code behaviour} (given the order id) instead of asking the gateway. */
    void onLookup(Object orderId, Function<String, PaymentOutcome> behaviour) {
        lookups.put(orderId.toString(), behaviour);
    }

    /** Whether a confirm of this order was sent to the gateway through this client. */
    boolean confirmSent(Object orderId) {
        return confirmed.contains(orderId.toString());
    }

    void reset() {
        crashAfterRefund.clear();
        crashBeforeRefund.clear();
        lookups.clear();
        confirmed.clear();
    }

    @Override
    public PaymentOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        confirmed.add(orderId);
        return real.confirm(paymentKey, orderId, amount, idempotencyKey);
    }

    @Override
    public PaymentOutcome lookup(String orderId) {
        Function<String, PaymentOutcome> behaviour = lookups.get(orderId);
        return behaviour != null ? behaviour.apply(orderId) : real.lookup(orderId);
    }

    @Override
    public CancelOutcome cancel(String paymentKey, long amount, String reason, String idempotencyKey) {
        String orderId = idempotencyKey.substring(idempotencyKey.indexOf('-') + 1);
        if (crashBeforeRefund.remove(orderId)) {
            throw new Crash("before the refund was sent");
        }
        CancelOutcome outcome = real.cancel(paymentKey, amount, reason, idempotencyKey);
        if (crashAfterRefund.remove(orderId)) {
            throw new Crash("after the gateway refunded (" + outcome + ")");
        }
        return outcome;
    }
}
