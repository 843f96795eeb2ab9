/**
 * Console: the organizers' web pages — the venue editor with a live seat-map preview, the event
 * editor (grades and prices, sections per grade, performances, sale window, per-person limit,
 * queue settings) and publishing, the live sale dashboard (takings from paid orders, the waiting
 * room's line), coupon campaigns and presale codes — and the door's check-in page for staff. Pages
 * call the catalog, inventory, order, queue, promotion and ticket modules' public classes, and are
 * drawn in the storefront's page frame: they declare {@code "storefront :: frame"} (its controllers
 * carry {@link io.ticketrush.storefront.PageFrame}) and may use nothing else of the storefront.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog", "inventory", "order", "ticket", "queue", "promotion",
        "storefront :: frame"})
@NullMarked
package io.ticketrush.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
