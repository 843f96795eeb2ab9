package io.ticketrush.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An event as an organizer submits it, before it is stored as a draft. */
public record EventPlan(String title, Category category, UUID venueId, String description, Instant salesOpenAt,
        Instant salesCloseAt, int maxTicketsPerPerson, List<Grade> grades, List<Instant> performances,
        QueueSettings queue) {

    /** Rules that need the venue: grades name real sections, no section in two grades, a sane sale window. */
    void checkAgainst(@Nullable Venue venue) {
        FieldErrors errors = new FieldErrors();
        if (venue == null) {
            errors.add("venueId", "unknown venue");
        }
        if (!salesCloseAt.isAfter(salesOpenAt)) {
            errors.add("salesCloseAt", "must be after salesOpenAt");
        }
        Set<String> gradeCodes = new HashSet<>();
        Map<String, String> sectionOwner = new HashMap<>();
        for (int g = 0; g < grades.size(); g++) {
            Grade grade = grades.get(g);
            if (!gradeCodes.add(grade.code())) {
                errors.add("grades[%d].code".formatted(g), "duplicate grade code " + grade.code());
            }
            if (grade.price() <= 0) {
                errors.add("grades[%d].price".formatted(g), "must be a positive amount of won");
            }
            for (String section : grade.sections()) {
                if (venue != null && !venue.hasSection(section)) {
                    errors.add("grades[%d].sections".formatted(g), "the venue has no section " + section);
                }
                String owner = sectionOwner.putIfAbsent(section, grade.code());
                if (owner != null) {
                    errors.add("grades[%d].sections".formatted(g),
                            "section %s already belongs to grade %s".formatted(section, owner));
                }
            }
        }
        for (int p = 0; p < performances.size(); p++) {
            if (!performances.get(p).isAfter(salesOpenAt)) {
                errors.add("performances[%d].startsAt".formatted(p), "must be after salesOpenAt");
            }
        }
        if (new HashSet<>(performances).size() != performances.size()) {
            errors.add("performances", "two performances start at the same time");
        }
        errors.throwIfAny();
    }
}
