/**
 * Storefront: the fans' web pages (Thymeleaf + htmx), Korean by default and English with
 * {@code ?lang=en}: the catalog, the waiting room (following the queue module's SSE fan-out), the
 * seat map, holds, checkout with coupons and the sandbox payment page, orders and QR tickets, the
 * coupon box, sign-up and log-in. Pages call the modules' public classes, the same
 * ones the JSON API calls; no business rule lives in a page.
 * <p>
 * Also offers the page frame that the organizer console shares, as the named interface {@code frame}:
 * {@link io.ticketrush.storefront.PageFrame} (the mark on a page controller that gives it the frame's
 * model and error pages), {@link io.ticketrush.storefront.PageFormats} ({@code @fmt} in templates) and
 * {@link io.ticketrush.storefront.SeatLayout}; the templates {@code fragments/layout.html} and the
 * messages go with it. Nothing else of the storefront is for other modules.
 */
@ApplicationModule(allowedDependencies = {"shared", "account", "catalog", "inventory", "order", "ticket", "queue", "promotion"})
@NullMarked
package io.ticketrush.storefront;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
