package io.ticketrush.queue;

import java.time.Instant;
import java.util.UUID;

/** The verified content of an admission token: who was let in to which event, when, and until when. */
public record AdmissionToken(UUID eventId, UUID fanId, Instant admittedAt, Instant holdBy, Instant expiresAt) {
}
