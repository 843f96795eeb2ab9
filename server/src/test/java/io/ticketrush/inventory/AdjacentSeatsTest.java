package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.inventory.persistence.SeatRows.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjacentSeatsTest {

    private static Candidate seat(String section, String row, int number) {
        return new Candidate(section + "-" + row + "-" + number, section, row, number, number, "R");
    }

    @Test
    void takesTheFirstRunOfNeighbours() {
        List<Candidate> seats = List.of(seat("A", "1", 1), seat("A", "1", 3), seat("A", "1", 4), seat("A", "1", 5),
                seat("A", "2", 1));
        assertThat(AdjacentSeats.firstRun(seats, 3)).hasValueSatisfying(run ->
                assertThat(run).extracting(Candidate::seatId).containsExactly("A-1-3", "A-1-4", "A-1-5"));
    }

    @Test
    void runsDoNotCrossRowsOrSections() {
        List<Candidate> seats = List.of(seat("A", "1", 9), seat("A", "1", 10), seat("A", "2", 11), seat("B", "2", 12));
        assertThat(AdjacentSeats.firstRun(seats, 3)).isEmpty();
        assertThat(AdjacentSeats.firstRun(seats, 2)).hasValueSatisfying(run ->
                assertThat(run).extracting(Candidate::seatId).containsExactly("A-1-9", "A-1-10"));
    }

    @Test
    void oneSeatIsTheFirstSeat() {
        assertThat(AdjacentSeats.firstRun(List.of(seat("A", "1", 4)), 1)).hasValueSatisfying(run ->
                assertThat(run).extracting(Candidate::seatId).containsExactly("A-1-4"));
        assertThat(AdjacentSeats.firstRun(List.of(), 1)).isEmpty();
    }
}
