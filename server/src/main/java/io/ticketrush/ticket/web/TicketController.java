package io.ticketrush.ticket.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.Ticket;
import io.ticketrush.ticket.TicketStatus;
import io.ticketrush.ticket.Tickets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A fan's own tickets and their QR images. Someone else's ticket answers 404, like a missing one. */
@RestController
class TicketController {

    private final Tickets tickets;
    private final QrImages qr;

    TicketController(Tickets tickets, QrImages qr) {
        this.tickets = tickets;
        this.qr = qr;
    }

    record TicketResponse(UUID ticketId, UUID orderId, UUID performanceId, String seatId, String code,
            TicketStatus status, @Nullable Instant checkedInAt) {
        static TicketResponse of(Ticket t) {
            return new TicketResponse(t.id(), t.orderId(), t.performanceId(), t.seatId(), t.code(), t.status(),
                    t.checkedInAt());
        }
    }

    record TicketList(List<TicketResponse> items) {
    }

    @GetMapping("/api/v1/tickets/{ticketId}")
    TicketResponse ticket(@PathVariable UUID ticketId) {
        return TicketResponse.of(owned(ticketId));
    }

    @GetMapping("/api/v1/tickets/{ticketId}/qr")
    @ApiResponse(responseCode = "200", description = "The ticket's signed QR code", content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> qr(@PathVariable UUID ticketId) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(qr.png(owned(ticketId).code()));
    }

    @GetMapping("/api/v1/me/tickets")
    TicketList mine() {
        return new TicketList(tickets.of(Caller.current().userId()).stream().map(TicketResponse::of).toList());
    }

    private Ticket owned(UUID ticketId) {
        return tickets.ownedBy(ticketId, Caller.current().userId())
                .orElseThrow(() -> DomainException.notFound("unknown-ticket", "No such ticket"));
    }
}
