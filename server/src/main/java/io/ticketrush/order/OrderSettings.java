package io.ticketrush.order;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How unsettled payments are settled.
 *
 * @param reconcileInterval the pause between two reconciler runs (one instance at a time)
 * @param reconcileBatch    unsettled orders read per run, the longest-waiting first
 * @param reconcileBudget   a run stops taking up orders after this long (the rest wait for the next run)
 * @param quietPeriod       an attempt this recent is left to the call that made it; also the first backoff
 * @param maxRetryDelay     the backoff between two tries of one order doubles up to this
 * @param maxAttempts       tries without an answer after which an order goes to MANUAL_REVIEW
 */
@ConfigurationProperties("ticketrush.order")
public record OrderSettings(@DefaultValue("PT5S") Duration reconcileInterval, @DefaultValue("200") int reconcileBatch,
        @DefaultValue("PT30S") Duration reconcileBudget, @DefaultValue("PT5S") Duration quietPeriod,
        @DefaultValue("PT10M") Duration maxRetryDelay, @DefaultValue("100") int maxAttempts) {

    public OrderSettings {
        if (reconcileBatch < 1 || maxAttempts < 1 || quietPeriod.isNegative() || reconcileBudget.isNegative()
                || maxRetryDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalStateException("ticketrush.order: batch and max-attempts must be positive,"
                    + " durations not negative, max-retry-delay at least quiet-period");
        }
    }

    /** When to try an order again after its {@code attempts}-th try without a settled answer. */
    public Instant nextTry(int attempts, Instant now) {
        Duration delay = quietPeriod.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return now.plus(delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay);
    }
}
