package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seat map's geometry, without Spring: every seat placed once, sections arranged like a hall. */
class SeatLayoutTest {

    private static List<SeatLayout.Seat> section(String code, int... rowSeats) {
        List<SeatLayout.Seat> seats = new ArrayList<>();
        for (int r = 0; r < rowSeats.length; r++) {
            for (int n = 1; n <= rowSeats[r]; n++) {
                seats.add(new SeatLayout.Seat(code + "-" + (r + 1) + "-" + n, code, String.valueOf(r + 1), n, "R", "AVAILABLE"));
            }
        }
        return seats;
    }

    @Test
    void sectionsWithTheSameRowsSitSideBySideAndTheOthersBelow() {
        List<SeatLayout.Seat> seats = new ArrayList<>(section("A", 10, 10));
        seats.addAll(section("B", 12, 12, 12));
        seats.addAll(section("C", 12, 12, 12));
        seats.addAll(section("D", 20, 20, 20, 20));

        SeatLayout layout = SeatLayout.of(seats, Map.of("A", "플로어", "B", "1층 B", "C", "1층 C", "D", "2층"));

        assertThat(layout.spots()).hasSize(seats.size());
        assertThat(layout.spots().stream().map(s -> s.seat().seatId()).distinct()).hasSize(seats.size());
        Map<String, SeatLayout.Block> blocks = layout.blocks().stream()
                .collect(Collectors.toMap(SeatLayout.Block::code, b -> b));
        assertThat(blocks.get("B").y()).as("B and C share a line").isEqualTo(blocks.get("C").y());
        assertThat(blocks.get("B").x() + blocks.get("B").width()).isLessThan(blocks.get("C").x());
        assertThat(blocks.get("A").y()).as("the floor is nearest the stage").isLessThan(blocks.get("B").y());
        assertThat(blocks.get("D").y()).isGreaterThan(blocks.get("B").y() + blocks.get("B").height());
        assertThat(blocks.get("A").name()).isEqualTo("플로어");
        for (SeatLayout.Spot spot : layout.spots()) {
            assertThat(spot.x()).isBetween(0, layout.width() - layout.seatSize());
            assertThat(spot.y()).isBetween(layout.stage().y() + layout.stage().height(), layout.height() - layout.seatSize());
        }
    }

    @Test
    void shorterRowsAreCentredUnderLongerOnes() {
        SeatLayout layout = SeatLayout.of(section("A", 4, 6), Map.of());

        int firstOfShortRow = spotX(layout, "A-1-1");
        int firstOfLongRow = spotX(layout, "A-2-1");
        int lastOfShortRow = spotX(layout, "A-1-4");
        int lastOfLongRow = spotX(layout, "A-2-6");
        assertThat(firstOfShortRow - firstOfLongRow).isEqualTo(lastOfLongRow - lastOfShortRow).isPositive();
        assertThat(layout.blocks().getFirst().name()).as("a section without a name shows its code").isEqualTo("A");
    }

    private static int spotX(SeatLayout layout, String seatId) {
        return layout.spots().stream().filter(s -> s.seat().seatId().equals(seatId)).findFirst().orElseThrow().x();
    }
}
