package io.ticketrush.ticket;

public enum TicketStatus {
    VALID, CHECKED_IN, CANCELLED
}
