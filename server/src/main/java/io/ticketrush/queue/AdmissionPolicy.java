package io.ticketrush.queue;

import io.ticketrush.inventory.InventorySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How long an admission lasts. Seats must be held within the admission window; a hold lives
 * {@code hold-ttl} and its order must be paid before the hold expires, so the token lives
 * window + hold TTL (+ the hold-attempt grace): long enough for every honest purchase, no longer.
 */
@Component
public class AdmissionPolicy {

    private final WaitingRoomSettings settings;
    private final Duration holdTtl;

    AdmissionPolicy(WaitingRoomSettings settings, InventorySettings inventory) {
        this.settings = settings;
        this.holdTtl = inventory.holdTtl();
    }

    public Instant holdBy(Instant admittedAt) {
        return admittedAt.plus(settings.admissionWindow());
    }

    /** Also the latest moment the admission counts as an active shopper. */
    public Instant expiresAt(Instant admittedAt) {
        return admittedAt.plus(lifetime());
    }

    public Duration lifetime() {
        return settings.admissionWindow().plus(settings.holdAttemptGrace()).plus(holdTtl);
    }

    public AdmissionToken token(UUID eventId, UUID fanId, Instant admittedAt) {
        return new AdmissionToken(eventId, fanId, admittedAt, holdBy(admittedAt), expiresAt(admittedAt));
    }
}
