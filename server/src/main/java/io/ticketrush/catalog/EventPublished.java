package io.ticketrush.catalog;

import java.util.List;
import java.util.UUID;

/** An event went on the catalog; its performances need seat inventory. */
public record EventPublished(UUID eventId, List<UUID> performanceIds) {
}
