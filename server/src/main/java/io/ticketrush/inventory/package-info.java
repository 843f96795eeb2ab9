/**
 * Inventory: seat inventory per performance, holds that claim seats all-or-nothing with an
 * expiry, the per-person limit, and the cached seat map. Publishes
 * {@link io.ticketrush.inventory.SeatsHeld}, {@link io.ticketrush.inventory.HoldReleased} and
 * {@link io.ticketrush.inventory.HoldExpired}; consumes {@code catalog.EventPublished}.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog"})
@NullMarked
package io.ticketrush.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
