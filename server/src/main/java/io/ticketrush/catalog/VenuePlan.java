package io.ticketrush.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A venue as an organizer describes it: sections of rows, each row a count of seats numbered from 1. */
public record VenuePlan(String name, String address, List<Section> sections) {

    public record Section(String code, String name, List<Row> rows) {
    }

    public record Row(String label, int seats) {
    }

    static final int MAX_SEATS = 100_000;

    /** Rules the field annotations cannot express: unique codes and labels, a bounded size. */
    void check() {
        FieldErrors errors = new FieldErrors();
        Set<String> codes = new HashSet<>();
        int total = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            if (!codes.add(section.code().toUpperCase())) {
                errors.add("sections[%d].code".formatted(s), "duplicate section code " + section.code());
            }
            Set<String> labels = new HashSet<>();
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                if (!labels.add(row.label().toUpperCase())) {
                    errors.add("sections[%d].rows[%d].label".formatted(s, r), "duplicate row label " + row.label());
                }
                total += row.seats();
            }
        }
        if (total > MAX_SEATS) {
            errors.add("sections", "a venue has at most " + MAX_SEATS + " seats");
        }
        errors.throwIfAny();
    }

    public int seatCount() {
        return sections.stream().flatMap(s -> s.rows().stream()).mapToInt(Row::seats).sum();
    }

    /** Every seat, with a sort key that orders them front to back in the order given. */
    public List<SeatPlace> seats() {
        List<SeatPlace> seats = new ArrayList<>(seatCount());
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                for (int n = 1; n <= row.seats(); n++) {
                    seats.add(new SeatPlace(section.code() + "-" + row.label() + "-" + n, section.code(), row.label(), n,
                            s * 1_000_000 + r * 1_000 + n));
                }
            }
        }
        return seats;
    }

    public record SeatPlace(String seatId, String sectionCode, String rowLabel, int number, int sortKey) {
    }
}
