package io.ticketrush.ticket;

import java.util.UUID;

/** A ticket as other modules see it. {@code code} is the signed text that the QR image encodes. */
public record IssuedTicket(UUID ticketId, UUID orderId, UUID ownerId, UUID performanceId, String seatId,
        String code, TicketStatus status) {
}
