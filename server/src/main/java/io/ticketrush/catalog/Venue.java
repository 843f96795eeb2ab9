package io.ticketrush.catalog;

import java.util.List;
import java.util.UUID;

/** A stored venue with its sections (seats are read separately: there can be many). */
public record Venue(UUID id, String name, String address, int seatCount, List<SectionInfo> sections) {

    public record SectionInfo(String code, String name) {
    }

    public boolean hasSection(String code) {
        return sections.stream().anyMatch(s -> s.code().equals(code));
    }
}
