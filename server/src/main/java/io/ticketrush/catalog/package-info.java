/**
 * Catalog: venues with their seat maps (sections, rows, seats), events with grades and
 * prices, performances (회차), sale windows, per-person limits and queue settings; draft and
 * publish. Publishes {@link io.ticketrush.catalog.EventPublished}.
 */
@ApplicationModule(allowedDependencies = {"shared", "account"})
@NullMarked
package io.ticketrush.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
