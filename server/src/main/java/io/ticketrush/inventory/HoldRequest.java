package io.ticketrush.inventory;

import java.util.List;

/** What a fan asks to hold: specific seats from the map, or a number of the best seats of a grade. */
public sealed interface HoldRequest {

    int quantity();

    record Seats(List<String> seatIds) implements HoldRequest {
        @Override
        public int quantity() {
            return seatIds.size();
        }
    }

    record BestAvailable(String gradeCode, int quantity) implements HoldRequest {
    }
}
