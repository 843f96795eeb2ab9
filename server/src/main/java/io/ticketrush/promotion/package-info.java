/**
 * Promotions: first-come coupon campaigns (선착순 쿠폰) issued by one atomic Redis step and stored
 * in PostgreSQL from a Redis Stream, redeemed on orders through {@code order.CouponRedemption};
 * presale windows (선예매) with access codes, through {@code inventory.HoldGuard} and
 * {@code inventory.SaleOpening}. Publishes nothing; consumes nothing: coupon state changes run
 * inside the order's own transactions.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog", "inventory", "order"})
@NullMarked
package io.ticketrush.promotion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
