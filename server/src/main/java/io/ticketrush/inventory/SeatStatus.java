package io.ticketrush.inventory;

public enum SeatStatus {
    AVAILABLE, HELD, SOLD
}
