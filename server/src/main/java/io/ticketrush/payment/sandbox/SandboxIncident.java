package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.PaymentSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The operator's switch that makes the sandbox gateway misbehave like a payment provider in an
 * incident, so the circuit breaker and the deadline extension can be seen working end to end. It
 * belongs to the sandbox this instance serves (each instance calls its own sandbox) and starts as
 * {@code none}. It touches the server calls (confirm, look-up, cancel) only: the payment widget's
 * checkout keeps working, as a card company's payment window usually does while its merchant API is down.
 */
@Component
@ConditionalOnSandbox
public class SandboxIncident {

    private static final Log log = LogFactory.getLog(SandboxIncident.class);

    /** The mode and since when it is on. */
    public record Incident(IncidentMode mode, Instant since) {
    }

    private final AtomicReference<Incident> current;
    private final Duration delay;
    private final Clock clock;

    SandboxIncident(PaymentSettings settings, Clock clock) {
        this.delay = settings.sandbox().incidentDelay() == null ? Duration.ZERO : settings.sandbox().incidentDelay();
        this.clock = clock;
        this.current = new AtomicReference<>(new Incident(IncidentMode.NONE, clock.instant()));
    }

    public Incident current() {
        return current.get();
    }

    /** Sets the mode; {@code since} changes only when the mode does. */
    public Incident switchTo(IncidentMode mode) {
        Incident now = current.updateAndGet(was -> was.mode() == mode ? was : new Incident(mode, clock.instant()));
        log.warn("Sandbox payment gateway incident mode: " + mode.apiName());
        return now;
    }

    /**
     * Carries out one server call as the current mode says: {@code down} answers 500 without carrying
     * it out (nothing is stored for its Idempotency-Key, so a retry after the incident goes through);
     * {@code slow} carries it out and then holds the answer back; otherwise it is answered as usual.
     */
    public GatewayReply during(Supplier<GatewayReply> call) {
        IncidentMode mode = current.get().mode();
        if (mode == IncidentMode.DOWN) {
            return GatewayReply.error(500, "FAILED_INTERNAL_SYSTEM_PROCESSING",
                    "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.");
        }
        GatewayReply reply = call.get();
        if (mode == IncidentMode.SLOW) {
            SimulatedLatency.holdBack(delay);
        }
        return reply;
    }

    /** Whether every confirmation is declined, whatever the card ({@code declining}). */
    boolean declinesEveryCard() {
        return current.get().mode() == IncidentMode.DECLINING;
    }
}
