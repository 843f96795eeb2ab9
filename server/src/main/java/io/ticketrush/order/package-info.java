/**
 * Orders: an order made from one's own hold, priced from the grades, paid through the
 * {@code payment} port before the hold expires, then ticketed; declines release the seats,
 * unknown outcomes are reconciled with the gateway, late approvals refunded; cancellation with
 * the fee schedule by days before the show; during a payment gateway incident the orders waiting
 * to pay get more time, once. Publishes the Order* events; consumes {@code inventory.HoldExpired}
 * and {@code payment.PaymentIncidentDetected}.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog", "inventory", "payment", "ticket"})
@NullMarked
package io.ticketrush.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
