/**
 * Payments: the {@link io.ticketrush.payment.PaymentGateway} port, its client for the Toss
 * Payments API, and the sandbox gateway that speaks the same protocol in development and tests.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.ticketrush.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
