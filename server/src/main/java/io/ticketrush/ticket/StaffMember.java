package io.ticketrush.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person working an organizer's doors; {@code eventIds} null: every event of the organizer. */
public record StaffMember(UUID userId, String email, String name, @Nullable List<UUID> eventIds, Instant assignedAt) {
}
