package io.ticketrush.catalog;

/** A seat of the venue that a grade of the event puts on sale. */
public record SellableSeat(String seatId, String sectionCode, String rowLabel, int seatNumber, int sortKey,
        String gradeCode) {
}
