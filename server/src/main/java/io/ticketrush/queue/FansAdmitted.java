package io.ticketrush.queue;

import java.util.List;
import java.util.UUID;

/**
 * The gatekeeper let these fans in, in this order; {@code firstTicket} is the line number of the
 * first of them. Published in-process after the admission is stored in Redis.
 */
public record FansAdmitted(UUID eventId, long firstTicket, List<UUID> fanIds) {
}
