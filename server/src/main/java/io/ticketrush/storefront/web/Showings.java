package io.ticketrush.storefront.web;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.catalog.Venues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What an order, hold or ticket page says about the show: title, date, venue and readable seat names. */
@Component
class Showings {

    private final Catalog catalog;
    private final Venues venues;

    Showings(Catalog catalog, Venues venues) {
        this.catalog = catalog;
        this.venues = venues;
    }

    /** A seat id ({@code <section>-<row>-<number>}) as words: the section's name, the row, the number. */
    record SeatName(String section, String row, String number) {
    }

    record Show(UUID eventId, UUID performanceId, String title, Instant startsAt, String venueName,
            Map<String, String> sectionNames, Map<String, String> gradeNames) {

        public SeatName seat(String seatId) {
            String[] parts = seatId.split("-", 3);
            if (parts.length < 3) {
                return new SeatName(seatId, "", "");
            }
            return new SeatName(sectionNames.getOrDefault(parts[0], parts[0]), parts[1], parts[2]);
        }

        public String grade(String code) {
            return gradeNames.getOrDefault(code, code);
        }
    }

    Show of(UUID performanceId) {
        PerformanceSale sale = catalog.performance(performanceId).orElseThrow();
        Event event = catalog.event(sale.eventId()).orElseThrow();
        Map<String, String> sections = new LinkedHashMap<>();
        venues.findOptional(event.venueId()).ifPresent(v -> v.sections().forEach(s -> sections.put(s.code(), s.name())));
        Map<String, String> grades = new LinkedHashMap<>();
        sale.grades().forEach(g -> grades.put(g.code(), g.name()));
        return new Show(event.id(), performanceId, event.title(), sale.startsAt(), event.venueName(), sections, grades);
    }
}
