package io.ticketrush.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored event with its grades and performances. */
public record Event(UUID id, UUID organizerId, String title, Category category, UUID venueId, String venueName,
        String description, Instant salesOpenAt, Instant salesCloseAt, int maxTicketsPerPerson, List<Grade> grades,
        List<Performance> performances, QueueSettings queue, EventStatus status) {

    public record Performance(UUID performanceId, Instant startsAt) {
    }

    public boolean ownedBy(UUID userId) {
        return organizerId.equals(userId);
    }
}
