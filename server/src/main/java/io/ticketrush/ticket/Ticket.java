package io.ticketrush.ticket;

import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A ticket with its door history, as its owner and the door see it. */
public record Ticket(UUID id, UUID orderId, UUID ownerId, UUID performanceId, String seatId, String code,
        TicketStatus status, Instant issuedAt, @Nullable Instant checkedInAt) {

    public IssuedTicket issued() {
        return new IssuedTicket(id, orderId, ownerId, performanceId, seatId, code, status);
    }

    public boolean isOwnedBy(UUID personId) {
        return ownerId.equals(personId);
    }

    /** Why the door turned this ticket away when it could not be checked in. */
    public DomainException refusal() {
        return switch (status) {
            case CHECKED_IN -> DomainException.conflict("already-checked-in", "This ticket was already used at the door")
                    .with("ticketId", id)
                    .with("seatId", seatId)
                    .with("checkedInAt", String.valueOf(checkedInAt));
            case CANCELLED -> DomainException.conflict("ticket-cancelled", "This ticket was cancelled")
                    .with("ticketId", id);
            case VALID -> throw new IllegalStateException("A valid ticket is not refused: " + id);
        };
    }
}
