/**
 * Payments: the {@link io.ticketrush.payment.PaymentGateway} port, its client for the Toss
 * Payments API behind a circuit breaker, and the sandbox gateway that speaks the same protocol in
 * development and tests (with an operator's incident switch). Publishes
 * {@link io.ticketrush.payment.PaymentIncidents.PaymentIncidentDetected} and
 * {@link io.ticketrush.payment.PaymentIncidents.PaymentIncidentResolved} as the breaker opens and closes.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.ticketrush.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
