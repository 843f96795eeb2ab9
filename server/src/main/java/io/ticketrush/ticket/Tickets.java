package io.ticketrush.ticket;

import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import io.ticketrush.ticket.code.TicketCodes;
import io.ticketrush.ticket.persistence.TicketRows;
import io.ticketrush.ticket.persistence.TicketRows.NewTicket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tickets of paid orders. The order module issues them inside its "order paid" transaction
 * and cancels them when the order is cancelled or refunded, so tickets exist exactly when an
 * order is PAID.
 */
@Component
public class Tickets {

    private final TicketRows rows;
    private final TicketCodes codes;
    private final Clock clock;
    private final Counter issued;

    Tickets(TicketRows rows, TicketCodes codes, Clock clock, MeterRegistry meters) {
        this.rows = rows;
        this.codes = codes;
        this.clock = clock;
        this.issued = Counter.builder("ticketrush.tickets.issued")
                .description("Tickets issued for paid orders")
                .register(meters);
    }

    /**
     * Issues one ticket per seat. Idempotent: issuing again for the same (orderId, seatId)
     * returns the existing tickets. Joins the caller's transaction. Fails with 409
     * {@code seat-already-ticketed} when another order holds a live ticket for one of the seats.
     */
    @Transactional
    public List<IssuedTicket> issue(UUID orderId, UUID ownerId, UUID performanceId, List<String> seatIds) {
        List<String> seats = List.copyOf(new LinkedHashSet<>(seatIds));
        if (seats.isEmpty()) {
            return List.of();
        }
        List<NewTicket> fresh = seats.stream().map(seat -> {
            UUID id = Ids.next();
            return new NewTicket(id, seat, codes.sign(id, performanceId));
        }).toList();
        int inserted;
        try {
            inserted = rows.insert(orderId, ownerId, performanceId, fresh, clock.instant());
        } catch (DuplicateKeyException soldTwice) {
            throw DomainException.conflict("seat-already-ticketed", "Another order already holds a ticket for one of these seats")
                    .with("performanceId", performanceId)
                    .with("seatIds", seats);
        }
        countAfterCommit(inserted);
        Map<String, Ticket> bySeat = rows.forOrder(orderId).stream()
                .collect(Collectors.toMap(Ticket::seatId, Function.identity()));
        return seats.stream().map(bySeat::get).map(Ticket::issued).toList();
    }

    @Transactional(readOnly = true)
    public List<IssuedTicket> forOrder(UUID orderId) {
        return rows.forOrder(orderId).stream().map(Ticket::issued).toList();
    }

    /** The tickets of each of these orders, read in one query; an order without tickets has no entry. */
    @Transactional(readOnly = true)
    public Map<UUID, List<IssuedTicket>> forOrders(Collection<UUID> orderIds) {
        return rows.forOrders(orderIds).stream().map(Ticket::issued)
                .collect(Collectors.groupingBy(IssuedTicket::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Marks the order's tickets CANCELLED (order cancelled or refunded); a later check-in is refused. */
    @Transactional
    public void cancelForOrder(UUID orderId) {
        rows.cancelForOrder(orderId);
    }

    /** The ticket if {@code personId} owns it; someone else's ticket is indistinguishable from a missing one. */
    public Optional<Ticket> ownedBy(UUID ticketId, UUID personId) {
        return rows.find(ticketId).filter(ticket -> ticket.isOwnedBy(personId));
    }

    /** A person's tickets, newest first. */
    public List<Ticket> of(UUID personId) {
        return rows.ownedBy(personId);
    }

    private void countAfterCommit(int inserted) {
        if (inserted == 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            issued.increment(inserted);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                issued.increment(inserted);
            }
        });
    }
}
