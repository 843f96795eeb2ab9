package io.ticketrush.ticket;

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
 * so forged or garbled codes cost nothing; a genuine code is admitted by one conditional
 * update, so two simultaneous scans of the same ticket admit exactly once.
 */
@Component
public class CheckIn {

    /** A ticket let in at the door. */
    public record Admission(UUID ticketId, UUID performanceId, String seatId, Instant checkedInAt) {
    }

    private final TicketCodes codes;
    private final TicketRows rows;
    private final Clock clock;
    private final MeterRegistry meters;

    public CheckIn(TicketCodes codes, TicketRows rows, Clock clock, MeterRegistry meters) {
        this.codes = codes;
        this.rows = rows;
        this.clock = clock;
        this.meters = meters;
    }

    public Admission admit(String code, UUID staffId) {
        TicketCodes.Verified verified = codes.verify(code.strip()).orElseThrow(() -> {
            count("invalid");
            return DomainException.badRequest("invalid-ticket-code", "This is not a ticket code issued by Ticketrush");
        });
        return rows.checkIn(verified.ticketId(), verified.performanceId(), staffId, clock.instant())
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
