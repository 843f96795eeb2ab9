package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.SeatRows.Candidate;
import java.util.List;
import java.util.Optional;

/** Best-available policy: the first run of {@code quantity} neighbouring seats in one row, front to back. */
final class AdjacentSeats {

    private AdjacentSeats() {
    }

    /** @param candidates available seats in best-first order (section, row, number) */
    static Optional<List<Candidate>> firstRun(List<Candidate> candidates, int quantity) {
        int runStart = 0;
        for (int i = 0; i < candidates.size(); i++) {
            if (i > runStart && !neighbours(candidates.get(i - 1), candidates.get(i))) {
                runStart = i;
            }
            if (i - runStart + 1 == quantity) {
                return Optional.of(List.copyOf(candidates.subList(runStart, i + 1)));
            }
        }
        return Optional.empty();
    }

    private static boolean neighbours(Candidate left, Candidate right) {
        return left.sectionCode().equals(right.sectionCode())
                && left.rowLabel().equals(right.rowLabel())
                && right.seatNumber() == left.seatNumber() + 1;
    }
}
