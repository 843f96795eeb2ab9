package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens holds for a sale earlier than its general opening (a presale), contributed by another
 * module. It only widens the window: who may hold in the early part is decided by that module's
 * {@link HoldGuard}, which runs first and refuses anyone without the right credentials.
 */
public interface SaleOpening {

    /** When holds open for this sale if earlier than {@link PerformanceSale#salesOpenAt()}; empty if not. */
    Optional<Instant> opensEarly(PerformanceSale sale);
}
