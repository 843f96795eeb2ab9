/**
 * Waiting room: per event, a fair line in Redis in front of holds and orders. Fans join once
 * (a second tab keeps the place), wait in a pre-queue before the sale opens (shuffled at opening
 * by a seed committed to at publication), then are admitted strictly in order by a gatekeeper
 * that respects the outflow rate, the cap on active shoppers and what is left to sell. Admitted
 * fans get a signed admission token that the hold and order guards check without a database read.
 * Consumes {@code catalog.EventPublished}, {@code inventory.SeatsHeld}, {@code inventory.HoldReleased},
 * {@code inventory.HoldExpired} and {@code order.OrderEvents.OrderPaid}; publishes
 * {@link io.ticketrush.queue.FansAdmitted}.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog", "inventory", "order", "account"})
@NullMarked
package io.ticketrush.queue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
