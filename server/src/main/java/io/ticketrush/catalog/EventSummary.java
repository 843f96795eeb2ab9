package io.ticketrush.catalog;

import java.time.Instant;
import java.util.UUID;

/** A line of the public event listing. */
public record EventSummary(UUID eventId, String title, Category category, String venueName, Instant firstStartsAt,
        Instant salesOpenAt, long minPrice) {
}
