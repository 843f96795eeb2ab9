package io.ticketrush.console.web;

import io.ticketrush.catalog.VenuePlan;
import io.ticketrush.storefront.SeatLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/** The venue editor's form: sections, each a number of rows of seats (or a seat count per row). */
public class VenueForm {

    static final int MAX_ROWS = 200;
    static final int MAX_SEATS_PER_ROW = 500;
    /** A preview draws at most this many seats; the venue itself may have more. */
    static final int PREVIEW_LIMIT = 20_000;
    private static final String CODE = "[A-Za-z0-9]{1,10}";

    private String name = "";
    private String address = "";
    private List<SectionForm> sections = new ArrayList<>();

    public static class SectionForm {
        private String code = "";
        private String name = "";
        private Integer rows = 5;
        private Integer seatsPerRow = 20;
        /** Optional: seats of each row front to back, "20, 20, 22, 24"; overrides rows × seatsPerRow. */
        private String rowSeats = "";

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getRows() {
            return rows;
        }

        public void setRows(Integer rows) {
            this.rows = rows;
        }

        public Integer getSeatsPerRow() {
            return seatsPerRow;
        }

        public void setSeatsPerRow(Integer seatsPerRow) {
            this.seatsPerRow = seatsPerRow;
        }

        public String getRowSeats() {
            return rowSeats;
        }

        public void setRowSeats(String rowSeats) {
            this.rowSeats = rowSeats;
        }

        /** Seats per row, front to back; empty when the numbers are unusable. */
        List<Integer> seatCounts() {
            List<Integer> counts = new ArrayList<>();
            if (rowSeats != null && !rowSeats.isBlank()) {
                for (String part : rowSeats.split("[,\\s]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        counts.add(Integer.parseInt(part.strip()));
                    } catch (NumberFormatException e) {
                        return List.of();
                    }
                }
                return counts;
            }
            if (rows == null || seatsPerRow == null) {
                return List.of();
            }
            for (int r = 0; r < rows; r++) {
                counts.add(seatsPerRow);
            }
            return counts;
        }
    }

    static VenueForm starter() {
        VenueForm form = new VenueForm();
        SectionForm floor = new SectionForm();
        floor.setCode("A");
        floor.setName("");
        form.sections.add(floor);
        return form;
    }

    /** The form field where the catalog's error about {@code catalogField} goes: a row's error lands on its section's rows. */
    static String formField(String catalogField) {
        return catalogField.replaceFirst("\\.rows\\[\\d+]\\.\\w+$", ".rows");
    }

    SectionForm addSection() {
        SectionForm section = new SectionForm();
        section.setCode(String.valueOf((char) ('A' + Math.min(sections.size(), 25))));
        sections.add(section);
        return section;
    }

    /** Field checks the catalog's rules cannot make for a form (numbers, lengths, codes). */
    void check(Errors errors) {
        if (name.isBlank() || name.length() > 200) {
            errors.rejectValue("name", "console.invalid.name");
        }
        if (address.isBlank() || address.length() > 300) {
            errors.rejectValue("address", "console.invalid.address");
        }
        if (sections.isEmpty() || sections.size() > 100) {
            errors.reject("console.invalid.sections");
        }
        for (int s = 0; s < sections.size(); s++) {
            SectionForm section = sections.get(s);
            String at = "sections[" + s + "].";
            if (section.code == null || !section.code.matches(CODE)) {
                errors.rejectValue(at + "code", "console.invalid.code");
            }
            if (section.name == null || section.name.isBlank() || section.name.length() > 100) {
                errors.rejectValue(at + "name", "console.invalid.name");
            }
            List<Integer> counts = section.seatCounts();
            if (counts.isEmpty() || counts.size() > MAX_ROWS
                    || counts.stream().anyMatch(c -> c < 1 || c > MAX_SEATS_PER_ROW)) {
                errors.rejectValue(at + (section.rowSeats == null || section.rowSeats.isBlank() ? "rows" : "rowSeats"),
                        "console.invalid.rows");
            }
        }
    }

    VenuePlan toPlan() {
        return new VenuePlan(name.strip(), address.strip(), sections.stream()
                .map(s -> {
                    List<Integer> counts = s.seatCounts();
                    List<VenuePlan.Row> rows = new ArrayList<>();
                    for (int r = 0; r < counts.size(); r++) {
                        rows.add(new VenuePlan.Row(String.valueOf(r + 1), counts.get(r)));
                    }
                    return new VenuePlan.Section(s.code.strip(), s.name.strip(), rows);
                })
                .toList());
    }

    /** The seat map as it will look, drawn from the form as typed (sections with unusable numbers left out). */
    SeatLayout preview() {
        List<SeatLayout.Seat> seats = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        int seatCount = 0;
        for (SectionForm section : sections) {
            List<Integer> counts = section.seatCounts();
            String code = section.code == null || section.code.isBlank() ? "?" : section.code.strip();
            if (names.containsKey(code) || counts.size() > MAX_ROWS
                    || counts.stream().anyMatch(c -> c < 1 || c > MAX_SEATS_PER_ROW)) {
                continue;
            }
            names.put(code, section.name == null || section.name.isBlank() ? code : section.name.strip());
            for (int r = 0; r < counts.size() && seatCount < PREVIEW_LIMIT; r++) {
                for (int n = 1; n <= counts.get(r); n++) {
                    seats.add(new SeatLayout.Seat(code + "-" + (r + 1) + "-" + n, code, String.valueOf(r + 1), n, null, null));
                    seatCount++;
                }
            }
        }
        return SeatLayout.of(seats, names);
    }

    int seatCount() {
        return sections.stream().mapToInt(s -> s.seatCounts().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public List<SectionForm> getSections() {
        return sections;
    }

    public void setSections(List<SectionForm> sections) {
        this.sections = sections;
    }
}
