package io.ticketrush.ticket;

import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.code.TicketCodes;
import io.ticketrush.ticket.persistence.TicketRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Admits a ticket at the door. The code's signature is checked first, without the database,
 * so forged or garbled codes cost nothing; then whether the scanner works this performance's
 * door (another organizer's ticket is 404 {@code ticket-not-found}) and whether it is the
 * performance's day ({@link CheckInWindow}); a genuine code is admitted by one conditional
 * update, so two simultaneous scans of the same ticket admit exactly once.
 */
@Component
public class CheckIn {

    /** A ticket let in at the door. */
    public record Admission(UUID ticketId, UUID performanceId, String seatId, Instant checkedInAt) {
    }

    private final TicketCodes codes;
    private final TicketRows rows;
    private final Doors doors;
    private final CheckInWindow window;
    private final Clock clock;
    private final MeterRegistry meters;

    public CheckIn(TicketCodes codes, TicketRows rows, Doors doors, CheckInWindow window, Clock clock,
            MeterRegistry meters) {
        this.codes = codes;
        this.rows = rows;
        this.doors = doors;
        this.window = window;
        this.clock = clock;
        this.meters = meters;
    }

    public Admission admit(String code, Caller scanner) {
        TicketCodes.Verified verified = codes.verify(code.strip()).orElseThrow(() -> {
            count("invalid");
            return DomainException.badRequest("invalid-ticket-code", "This is not a ticket code issued by Ticketrush");
        });
        return switch (doors.of(verified.performanceId(), scanner)) {
            case Door.Unknown unknown -> {
                count("invalid");
                throw DomainException.badRequest("invalid-ticket-code", "No ticket was issued for this code");
            }
            case Door.NotYours notYours -> {
                count("not-yours");
                throw DomainException.notFound("ticket-not-found", "No such ticket at your doors");
            }
            case Door.Open open -> admit(verified, open, scanner);
        };
    }

    private Admission admit(TicketCodes.Verified verified, Door.Open door, Caller scanner) {
        Instant now = clock.instant();
        if (!window.admitsAt(door.startsAt(), now)) {
            count("other-day");
            throw DomainException.conflict("not-performance-day",
                            "This ticket is for the performance on " + window.day(door.startsAt()))
                    .with("startsAt", door.startsAt().toString())
                    .with("performanceDay", window.day(door.startsAt()).toString())
                    .with("opensAt", window.opensAt(door.startsAt()).toString())
                    .with("closesAt", window.closesAt(door.startsAt()).toString());
        }
        return rows.checkIn(verified.ticketId(), verified.performanceId(), scanner.userId(), now)
                .map(ticket -> {
                    count("admitted");
                    return new Admission(ticket.id(), ticket.performanceId(), ticket.seatId(),
                            Objects.requireNonNull(ticket.checkedInAt()));
                })
                .orElseThrow(() -> refusal(verified));
    }

    private DomainException refusal(TicketCodes.Verified verified) {
        Ticket ticket = rows.find(verified.ticketId())
                .filter(t -> t.performanceId().equals(verified.performanceId()))
                .orElse(null);
        if (ticket == null) {
            // Genuinely signed but never issued: only possible with a leaked key or a wiped database.
            count("invalid");
            return DomainException.badRequest("invalid-ticket-code", "No ticket was issued for this code");
        }
        count(ticket.status() == TicketStatus.CANCELLED ? "cancelled" : "duplicate");
        return ticket.refusal();
    }

    private void count(String result) {
        Counter.builder("ticketrush.checkins")
                .description("Door scans by outcome")
                .tag("result", result)
                .register(meters)
                .increment();
    }
}
