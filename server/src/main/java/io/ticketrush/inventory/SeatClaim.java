package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.QuotaRows;
import io.ticketrush.inventory.persistence.SeatRows;
import io.ticketrush.shared.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The claim of a hold, all-or-nothing, in the caller's transaction: the grade exists, no seat is
 * one this instance just saw taken (no database), the fan's per-person quota takes the seats
 * (one conditional upsert), then the seats themselves (one {@code SKIP LOCKED} statement, or a
 * window of the best seats of a grade). The answer is a {@link Outcome}: {@link Claimed}, or a
 * {@link Refused} naming why. A refusal after a write marks the transaction rollback-only, so
 * nothing of a refused claim can be committed, whatever the caller does with the answer.
 */
@Component
class SeatClaim {

    private final SeatRows seats;
    private final QuotaRows quotas;
    private final TakenSeats taken;

    SeatClaim(SeatRows seats, QuotaRows quotas, TakenSeats taken) {
        this.seats = seats;
        this.quotas = quotas;
        this.taken = taken;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Outcome claim(PerformanceSale sale, UUID userId, HoldRequest request, UUID holdId) {
        if (request instanceof HoldRequest.BestAvailable best && sale.grade(best.gradeCode()).isEmpty()) {
            return new UnknownGrade(best.gradeCode());
        }
        if (request instanceof HoldRequest.Seats chosen) {
            List<String> known = taken.knownTaken(sale.performanceId(), chosen.seatIds());
            if (!known.isEmpty()) {
                return new Taken(known);
            }
        }
        if (!quotas.take(sale.eventId(), userId, request.quantity(), sale.maxTicketsPerPerson())) {
            return new OverLimit(sale.maxTicketsPerPerson());
        }
        Outcome outcome = switch (request) {
            case HoldRequest.Seats chosen -> claimChosen(sale.performanceId(), chosen.seatIds(), holdId);
            case HoldRequest.BestAvailable best -> claimBest(sale.performanceId(), best, holdId);
        };
        if (outcome instanceof Refused) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return outcome;
    }

    private Outcome claimChosen(UUID performanceId, List<String> seatIds, UUID holdId) {
        List<SeatRows.Claimed> claimed = seats.claim(performanceId, seatIds, holdId);
        if (claimed.size() == seatIds.size()) {
            return new Claimed(claimed);
        }
        LinkedHashSet<String> unknown = new LinkedHashSet<>(seatIds);
        seats.existing(performanceId, seatIds).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            return new UnknownSeats(List.copyOf(unknown));
        }
        LinkedHashSet<String> lost = new LinkedHashSet<>(seatIds);
        claimed.forEach(c -> lost.remove(c.seatId()));
        taken.seen(performanceId, lost);
        return new Taken(List.copyOf(lost));
    }

    /**
     * Locks a window of the best available seats of the grade (skipping seats others are
     * claiming), takes the first run of neighbours in one row, or else the best seats found.
     */
    private Outcome claimBest(UUID performanceId, HoldRequest.BestAvailable best, UUID holdId) {
        int window = Math.max(16, best.quantity() * 4);
        List<SeatRows.Candidate> seen = new ArrayList<>();
        int after = Integer.MIN_VALUE;
        for (int round = 0; round < 8; round++) {
            List<SeatRows.Candidate> batch = seats.lockCandidates(performanceId, best.gradeCode(), after, window);
            seen.addAll(batch);
            var run = AdjacentSeats.firstRun(seen, best.quantity());
            if (run.isPresent()) {
                return mark(performanceId, run.get(), holdId);
            }
            if (batch.size() < window) {
                break;
            }
            after = batch.getLast().sortKey();
        }
        if (seen.size() < best.quantity()) {
            return new SoldOut(best.gradeCode());
        }
        return mark(performanceId, seen.subList(0, best.quantity()), holdId);
    }

    private Claimed mark(UUID performanceId, List<SeatRows.Candidate> chosen, UUID holdId) {
        List<String> ids = chosen.stream().map(SeatRows.Candidate::seatId).toList();
        int marked = seats.markHeld(performanceId, ids, holdId);
        if (marked != ids.size()) {
            throw new IllegalStateException("Locked seats changed under the lock: " + ids);
        }
        return new Claimed(chosen.stream().map(c -> new SeatRows.Claimed(c.seatId(), c.gradeCode())).toList());
    }

    /** What a claim came to. */
    sealed interface Outcome permits Claimed, Refused {
    }

    /** The seats are the hold's (in this transaction) and the quota counts them. */
    record Claimed(List<SeatRows.Claimed> seats) implements Outcome {
    }

    /** Nothing is claimed; {@link #problem()} is the answer the fan gets. */
    sealed interface Refused extends Outcome permits UnknownGrade, UnknownSeats, Taken, SoldOut, OverLimit {

        DomainException problem();
    }

    record UnknownGrade(String gradeCode) implements Refused {
        @Override
        public DomainException problem() {
            return DomainException.notFound("unknown-grade", "No grade " + gradeCode + " in this event");
        }
    }

    record UnknownSeats(List<String> seatIds) implements Refused {
        @Override
        public DomainException problem() {
            return DomainException.notFound("unknown-seat", "No such seat for sale in this performance: " + seatIds)
                    .with("seatIds", seatIds);
        }
    }

    /** Held, sold or being claimed right now (by the database's answer, or this instance's memory). */
    record Taken(List<String> seatIds) implements Refused {
        @Override
        public DomainException problem() {
            return new SeatUnavailable(seatIds, "These seats are held or sold: " + seatIds);
        }
    }

    /** Fewer seats of the grade are free than were asked for. */
    record SoldOut(String gradeCode) implements Refused {
        @Override
        public DomainException problem() {
            return new SeatUnavailable(List.of(), "Not enough seats left in grade " + gradeCode);
        }
    }

    /** The fan's holds and orders for the event would pass the per-person limit. */
    record OverLimit(int limit) implements Refused {
        @Override
        public DomainException problem() {
            return new DomainException(422, "limit-exceeded", "At most %d tickets per person for this event".formatted(limit))
                    .with("limit", limit);
        }
    }
}
