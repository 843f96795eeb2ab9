package io.ticketrush.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A stored venue with its sections (seats are read separately: there can be many). It belongs to the
 * organizer who created it; others may build events in it only when an ADMIN has marked it shared.
 */
public record Venue(UUID id, String name, String address, int seatCount, List<SectionInfo> sections, UUID ownerId,
        boolean shared) {

    public record SectionInfo(String code, String name) {
    }

    public boolean hasSection(String code) {
        return sections.stream().anyMatch(s -> s.code().equals(code));
    }

    /** Whether this organizer may see the venue and put events in it (an ADMIN may use every venue). */
    public boolean usableBy(UUID organizerId, boolean admin) {
        return admin || shared || ownerId.equals(organizerId);
    }
}
