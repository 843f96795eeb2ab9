package io.ticketrush.inventory;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.QuotaRows;
import io.ticketrush.inventory.persistence.SeatRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a hold: checks the sale window and the per-person limit, then claims the seats
 * all-or-nothing in one short transaction. Any failure rolls the whole attempt back.
 */
@Component
public class HoldSeats {

    private final Catalog catalog;
    private final SeatRows seats;
    private final HoldRows holds;
    private final QuotaRows quotas;
    private final SeatMapChanges changes;
    private final TakenSeats taken;
    private final ApplicationEventPublisher events;
    private final InventorySettings settings;
    private final InventoryMetrics metrics;
    private final List<HoldGuard> guards;
    private final List<SaleOpening> openings;
    private final Clock clock;

    HoldSeats(Catalog catalog, SeatRows seats, HoldRows holds, QuotaRows quotas, SeatMapChanges changes,
            TakenSeats taken, ApplicationEventPublisher events, InventorySettings settings, InventoryMetrics metrics,
            List<HoldGuard> guards, List<SaleOpening> openings, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.holds = holds;
        this.quotas = quotas;
        this.changes = changes;
        this.taken = taken;
        this.events = events;
        this.settings = settings;
        this.metrics = metrics;
        this.guards = List.copyOf(guards);
        this.openings = List.copyOf(openings);
        this.clock = clock;
    }

    /** The sale terms of a performance on sale, or 404 unknown-performance. */
    public PerformanceSale saleOf(UUID performanceId) {
        return catalog.performance(performanceId).filter(PerformanceSale::published)
                .orElseThrow(() -> DomainException.notFound("unknown-performance", "No such performance on sale"));
    }

    public Hold hold(UUID performanceId, UUID userId, HoldRequest request) {
        return hold(performanceId, userId, request, HoldCredentials.NONE);
    }

    @Transactional
    public Hold hold(UUID performanceId, UUID userId, HoldRequest request, HoldCredentials credentials) {
        long started = System.nanoTime();
        try {
            Hold hold = place(performanceId, userId, request, credentials);
            metrics.created();
            return hold;
        } catch (DomainException e) {
            metrics.rejected(e.code());
            throw e;
        } finally {
            metrics.holdTimer().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Hold place(UUID performanceId, UUID userId, HoldRequest request, HoldCredentials credentials) {
        PerformanceSale sale = saleOf(performanceId);
        for (HoldGuard guard : guards) {
            guard.check(sale, userId, request, credentials);
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (now.isBefore(sale.salesOpenAt())) {
            Instant opensAt = opensAt(sale);
            if (now.isBefore(opensAt)) {
                DomainException notOpen = DomainException.conflict("sale-not-open", "The sale opens at " + opensAt)
                        .with("salesOpenAt", sale.salesOpenAt().toString());
                if (opensAt.isBefore(sale.salesOpenAt())) {
                    notOpen.with("presaleOpensAt", opensAt.toString());
                }
                throw notOpen;
            }
        }
        if (!now.isBefore(sale.salesEndAt())) {
            throw DomainException.conflict("sale-closed", "The sale for this performance is over");
        }
        if (request instanceof HoldRequest.BestAvailable best && sale.grade(best.gradeCode()).isEmpty()) {
            throw DomainException.notFound("unknown-grade", "No grade " + best.gradeCode() + " in this event");
        }
        if (request instanceof HoldRequest.Seats chosen) {
            List<String> known = taken.knownTaken(performanceId, chosen.seatIds());
            if (!known.isEmpty()) {
                throw new SeatUnavailable(known, "These seats are held or sold: " + known);
            }
        }
        int limit = sale.maxTicketsPerPerson();
        if (!quotas.take(sale.eventId(), userId, request.quantity(), limit)) {
            throw new DomainException(422, "limit-exceeded",
                    "At most %d tickets per person for this event".formatted(limit))
                    .with("limit", limit);
        }
        UUID holdId = Ids.next();
        List<SeatRows.Claimed> claimed = switch (request) {
            case HoldRequest.Seats chosen -> claimChosen(performanceId, chosen.seatIds(), holdId);
            case HoldRequest.BestAvailable best -> claimBest(performanceId, best, holdId);
        };
        Map<String, Long> prices = sale.grades().stream().collect(Collectors.toMap(Grade::code, Grade::price));
        List<Hold.HeldSeat> held = claimed.stream()
                .map(c -> new Hold.HeldSeat(c.seatId(), c.gradeCode(), prices.get(c.gradeCode())))
                .sorted(java.util.Comparator.comparing(Hold.HeldSeat::seatId))
                .toList();
        long total = held.stream().mapToLong(Hold.HeldSeat::price).sum();
        Hold hold = new Hold(holdId, performanceId, sale.eventId(), userId, held, total, HoldStatus.ACTIVE, now,
                now.plus(settings.holdTtl()), null);
        holds.insert(hold);
        changes.changed(performanceId);
        taken.heldOnCommit(performanceId, hold.seatIds());
        events.publishEvent(new SeatsHeld(holdId, performanceId, sale.eventId(), userId, hold.seatIds()));
        return hold;
    }

    /** The general opening, or an earlier one a presale contributes (its guard decides who may use it). */
    private Instant opensAt(PerformanceSale sale) {
        Instant opensAt = sale.salesOpenAt();
        for (SaleOpening opening : openings) {
            Instant early = opening.opensEarly(sale).orElse(opensAt);
            if (early.isBefore(opensAt)) {
                opensAt = early;
            }
        }
        return opensAt;
    }

    private List<SeatRows.Claimed> claimChosen(UUID performanceId, List<String> seatIds, UUID holdId) {
        List<SeatRows.Claimed> claimed = seats.claim(performanceId, seatIds, holdId);
        if (claimed.size() == seatIds.size()) {
            return claimed;
        }
        LinkedHashSet<String> unknown = new LinkedHashSet<>(seatIds);
        seats.existing(performanceId, seatIds).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw DomainException.notFound("unknown-seat", "No such seat for sale in this performance: " + unknown)
                    .with("seatIds", List.copyOf(unknown));
        }
        LinkedHashSet<String> lost = new LinkedHashSet<>(seatIds);
        claimed.forEach(c -> lost.remove(c.seatId()));
        taken.seen(performanceId, lost);
        throw new SeatUnavailable(List.copyOf(lost), "These seats are held or sold: " + lost);
    }

    /**
     * Locks a window of the best available seats of the grade (skipping seats others are
     * claiming), takes the first run of neighbours in one row, or else the best seats found.
     */
    private List<SeatRows.Claimed> claimBest(UUID performanceId, HoldRequest.BestAvailable best, UUID holdId) {
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
            throw new SeatUnavailable(List.of(), "Not enough seats left in grade " + best.gradeCode());
        }
        return mark(performanceId, seen.subList(0, best.quantity()), holdId);
    }

    private List<SeatRows.Claimed> mark(UUID performanceId, List<SeatRows.Candidate> chosen, UUID holdId) {
        List<String> ids = chosen.stream().map(SeatRows.Candidate::seatId).toList();
        int marked = seats.markHeld(performanceId, ids, holdId);
        if (marked != ids.size()) {
            throw new IllegalStateException("Locked seats changed under the lock: " + ids);
        }
        return chosen.stream().map(c -> new SeatRows.Claimed(c.seatId(), c.gradeCode())).toList();
    }
}
