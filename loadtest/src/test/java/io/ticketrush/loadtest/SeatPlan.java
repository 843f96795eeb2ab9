package io.ticketrush.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A benchmark venue: section A (VIP, the front 10% of rows), B (R, 30%), C (S, the rest), rows of
 * {@code perRow} seats. Seat ids follow the API: {@code <section>-<row>-<number>}.
 */
record SeatPlan(int perRow, int rowsA, int rowsB, int rowsC) {

    /** Rows of 20, 100, 200 or 500 seats: the API allows 200 rows per section and 500 seats per row. */
    static SeatPlan of(int seats) {
        int perRow = seats >= 2_000 ? 100 : 20;
        while (perRow < 500 && (seats + perRow - 1) / perRow * 6 / 10 > 200) {
            perRow = perRow == 100 ? 200 : 500;
        }
        int rows = Math.max(3, (seats + perRow - 1) / perRow);
        int a = Math.max(1, rows / 10);
        int b = Math.max(1, rows * 3 / 10);
        return new SeatPlan(perRow, a, b, rows - a - b);
    }

    int seatCount() {
        return perRow * (rowsA + rowsB + rowsC);
    }

    static String gradeOf(String section) {
        return switch (section) {
            case "A" -> "VIP";
            case "B" -> "R";
            default -> "S";
        };
    }

    int rows(String section) {
        return switch (section) {
            case "A" -> rowsA;
            case "B" -> rowsB;
            default -> rowsC;
        };
    }

    /** The venue body for {@code POST /api/v1/venues}. */
    Map<String, Object> venueBody(String name) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String code : List.of("A", "B", "C")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 1; r <= rows(code); r++) {
                rows.add(Map.of("label", String.valueOf(r), "seats", perRow));
            }
            sections.add(Map.of("code", code, "name", code + " 구역", "rows", rows));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "127.0.0.1");
        body.put("sections", sections);
        return body;
    }

    /** {@code quantity} neighbouring seats among the first {@code hotSeats} seats of section A. */
    List<String> hot(RandomGenerator random, int hotSeats, int quantity) {
        int hotRows = Math.max(1, Math.min(rowsA, (hotSeats + perRow - 1) / perRow));
        int perHotRow = Math.min(perRow, hotSeats);
        return run("A", 1 + random.nextInt(hotRows), perHotRow, random, quantity);
    }

    /** {@code quantity} neighbouring seats anywhere in the section. */
    List<String> inSection(String section, RandomGenerator random, int quantity) {
        return run(section, 1 + random.nextInt(rows(section)), perRow, random, quantity);
    }

    /** Any seats of the venue, uniformly. */
    List<String> anywhere(RandomGenerator random, int quantity) {
        int row = random.nextInt(rowsA + rowsB + rowsC);
        if (row < rowsA) {
            return run("A", row + 1, perRow, random, quantity);
        }
        if (row < rowsA + rowsB) {
            return run("B", row - rowsA + 1, perRow, random, quantity);
        }
        return run("C", row - rowsA - rowsB + 1, perRow, random, quantity);
    }

    private static List<String> run(String section, int row, int width, RandomGenerator random, int quantity) {
        int q = Math.min(quantity, width);
        int start = 1 + random.nextInt(width - q + 1);
        List<String> seats = new ArrayList<>(q);
        for (int n = start; n < start + q; n++) {
            seats.add(section + "-" + row + "-" + n);
        }
        return seats;
    }
}
