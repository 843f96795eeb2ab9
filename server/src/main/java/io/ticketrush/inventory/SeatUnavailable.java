package io.ticketrush.inventory;

import io.ticketrush.shared.DomainException;
import java.util.List;

/** 409 seat-unavailable, naming the seats that could not be claimed. */
final class SeatUnavailable extends DomainException {

    SeatUnavailable(List<String> seatIds, String detail) {
        super(409, "seat-unavailable", detail);
        with("seatIds", seatIds);
    }
}
