package io.ticketrush.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Where each seat of a seat map is drawn: the stage on top, each section a block of its rows
 * (shorter rows centred), sections with the same number of rows side by side, the others below.
 * Pure geometry in SVG user units; the page draws it and colours the seats.
 */
@NamedInterface("frame")
public record SeatLayout(int width, int height, Stage stage, List<Block> blocks, List<RowLabel> rowLabels,
        List<Spot> spots) {

    static final int CELL = 14;
    static final int SEAT = 11;
    static final int LABEL = 20;
    static final int HEADER = 24;
    static final int GAP = 28;
    static final int MARGIN = 12;
    static final int STAGE_HEIGHT = 36;
    static final int MAX_LINE = 900;

    /** A seat to draw; {@code gradeCode} and {@code status} are null in an editor preview. */
    public record Seat(String seatId, String section, String row, int number, @Nullable String gradeCode,
            @Nullable String status) {
    }

    public record Stage(int x, int y, int width, int height) {
    }

    public record Block(String code, String name, int x, int y, int width, int height) {

        public int labelX() {
            return x + width / 2;
        }
    }

    public record RowLabel(String text, int x, int y) {
    }

    public record Spot(Seat seat, int x, int y) {
    }

    public int seatSize() {
        return SEAT;
    }

    /** @param seats every seat in front-to-back order; {@code sectionNames} by section code */
    public static SeatLayout of(List<Seat> seats, Map<String, String> sectionNames) {
        Map<String, Map<String, List<Seat>>> sections = new LinkedHashMap<>();
        for (Seat seat : seats) {
            sections.computeIfAbsent(seat.section(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(seat.row(), r -> new ArrayList<>())
                    .add(seat);
        }
        List<List<String>> lines = lines(sections);
        int width = 0;
        for (List<String> line : lines) {
            width = Math.max(width, lineWidth(line, sections));
        }
        width = Math.max(width, 240) + 2 * MARGIN;
        int stageWidth = Math.min(width - 2 * MARGIN, Math.max(160, width * 3 / 5));
        Stage stage = new Stage((width - stageWidth) / 2, MARGIN, stageWidth, STAGE_HEIGHT);

        List<Block> blocks = new ArrayList<>();
        List<RowLabel> labels = new ArrayList<>();
        List<Spot> spots = new ArrayList<>(seats.size());
        int y = MARGIN + STAGE_HEIGHT + GAP;
        for (List<String> line : lines) {
            int x = (width - lineWidth(line, sections)) / 2;
            int lineHeight = 0;
            for (String code : line) {
                Map<String, List<Seat>> rows = sections.get(code);
                int columns = columns(rows);
                int blockWidth = blockWidth(rows);
                int blockHeight = HEADER + rows.size() * CELL;
                blocks.add(new Block(code, sectionNames.getOrDefault(code, code), x, y, blockWidth, blockHeight));
                int r = 0;
                for (Map.Entry<String, List<Seat>> row : rows.entrySet()) {
                    int rowY = y + HEADER + r * CELL;
                    labels.add(new RowLabel(row.getKey(), x + LABEL / 2, rowY + SEAT / 2));
                    int offset = (columns - row.getValue().size()) * CELL / 2;
                    int i = 0;
                    for (Seat seat : row.getValue()) {
                        spots.add(new Spot(seat, x + LABEL + offset + i * CELL, rowY));
                        i++;
                    }
                    r++;
                }
                x += blockWidth + GAP;
                lineHeight = Math.max(lineHeight, blockHeight);
            }
            y += lineHeight + GAP;
        }
        return new SeatLayout(width, y - GAP + MARGIN, stage, blocks, labels, spots);
    }

    /** Sections side by side while they have the same number of rows and the line stays narrow enough. */
    private static List<List<String>> lines(Map<String, Map<String, List<Seat>>> sections) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        int lineRows = -1;
        for (Map.Entry<String, Map<String, List<Seat>>> section : sections.entrySet()) {
            int rows = section.getValue().size();
            boolean fits = !line.isEmpty() && rows == lineRows
                    && lineWidth(line, sections) + GAP + blockWidth(section.getValue()) <= MAX_LINE;
            if (!line.isEmpty() && !fits) {
                lines.add(line);
                line = new ArrayList<>();
            }
            line.add(section.getKey());
            lineRows = rows;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static int lineWidth(List<String> line, Map<String, Map<String, List<Seat>>> sections) {
        int width = 0;
        for (String code : line) {
            width += blockWidth(sections.get(code));
        }
        return width + GAP * Math.max(0, line.size() - 1);
    }

    private static int columns(Map<String, List<Seat>> rows) {
        return rows.values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static int blockWidth(Map<String, List<Seat>> rows) {
        return 2 * LABEL + columns(rows) * CELL - (CELL - SEAT);
    }
}
