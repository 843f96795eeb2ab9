package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sale-window rule: holds are taken from the sale's opening (or an earlier opening a presale
 * contributes, see {@link SaleOpening}) until the sale closes or the show starts, whichever is
 * first. A pure rule over the sale, the contributed openings and the instant asked about; the
 * openings are asked only before the general opening, as before. Who may use an early opening is
 * not its business: that module's {@link HoldGuard} has already decided.
 */
@Component
class SaleWindow {

    private final List<SaleOpening> openings;

    SaleWindow(List<SaleOpening> openings) {
        this.openings = List.copyOf(openings);
    }

    /** Where {@code now} falls in the window of {@code sale}. */
    Verdict at(PerformanceSale sale, Instant now) {
        if (now.isBefore(sale.salesOpenAt())) {
            Instant opensAt = opensAt(sale);
            if (now.isBefore(opensAt)) {
                return new NotOpen(opensAt, sale.salesOpenAt());
            }
        }
        if (!now.isBefore(sale.salesEndAt())) {
            return new Closed(sale.salesEndAt());
        }
        return new Open();
    }

    /** The general opening, or the earliest one a presale contributes. */
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

    /** Where an instant falls: {@link Open}, or a refusal that says why. */
    sealed interface Verdict permits Open, Refused {
    }

    /** The refusals, each with its problem (409). */
    sealed interface Refused extends Verdict permits NotOpen, Closed {

        DomainException problem();
    }

    record Open() implements Verdict {
    }

    /**
     * Before the first opening.
     *
     * @param opensAt     when holds open (the presale's start if one opens earlier)
     * @param salesOpenAt the general opening
     */
    record NotOpen(Instant opensAt, Instant salesOpenAt) implements Refused {

        /** An earlier opening a presale contributes. */
        boolean presale() {
            return opensAt.isBefore(salesOpenAt);
        }

        @Override
        public DomainException problem() {
            DomainException notOpen = DomainException.conflict("sale-not-open", "The sale opens at " + opensAt)
                    .with("salesOpenAt", salesOpenAt.toString());
            return presale() ? notOpen.with("presaleOpensAt", opensAt.toString()) : notOpen;
        }
    }

    /** At or after the close of the sale (or the start of the show). */
    record Closed(Instant endedAt) implements Refused {

        @Override
        public DomainException problem() {
            return DomainException.conflict("sale-closed", "The sale for this performance is over");
        }
    }
}
