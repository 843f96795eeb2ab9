package io.ticketrush.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Everything the sale of one performance needs to know, as read by inventory and orders. */
public record PerformanceSale(UUID performanceId, UUID eventId, UUID organizerId, String title, Instant startsAt,
        Instant salesOpenAt, Instant salesCloseAt, int maxTicketsPerPerson, List<Grade> grades, QueueSettings queue,
        EventStatus status) {

    public Optional<Grade> grade(String code) {
        return grades.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public boolean published() {
        return status == EventStatus.PUBLISHED;
    }

    /** Sales end at the close of the sale window or when the show starts, whichever is first. */
    public Instant salesEndAt() {
        return salesCloseAt.isBefore(startsAt) ? salesCloseAt : startsAt;
    }
}
