package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles orders whose payment outcome nobody knows yet (timeouts, crashes between the gateway
 * and our database) by asking the gateway, and retries refunds that did not go through.
 * Runs on one instance at a time.
 */
@Component
public class PaymentReconciler {

    static final Duration QUIET_PERIOD = Duration.ofSeconds(5);

    private final OrderRows rows;
    private final PaymentGateway gateway;
    private final Settlement settlement;
    private final Clock clock;

    PaymentReconciler(OrderRows rows, PaymentGateway gateway, Settlement settlement, Clock clock) {
        this.rows = rows;
        this.gateway = gateway;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketrush.order.reconcile-interval:PT5S}")
    @SchedulerLock(name = "order-payment-reconciler", lockAtMostFor = "PT45S")
    public void reconcileScheduled() {
        reconcile();
    }

    /** Looks at every unsettled order last tried before the quiet period; returns how many it settled. */
    public int reconcile() {
        Instant now = clock.instant();
        int settled = 0;
        for (Order order : rows.toReconcile(now.minus(QUIET_PERIOD), 200)) {
            if (order.paymentState() == PaymentState.REFUND_PENDING) {
                settlement.retryRefund(order.id(), order.paymentKey(), approvedAmount(order));
                settled++;
                continue;
            }
            if (order.amount() == 0 && order.status() == OrderStatus.PENDING_PAYMENT && order.paymentKey() != null) {
                // a free order interrupted between starting and settling: nothing to ask the gateway
                settlement.approved(order, new PaymentOutcome.Approved(order.paymentKey(), order.id().toString(), 0, now));
                settled++;
                continue;
            }
            switch (gateway.lookup(order.id().toString())) {
                case PaymentOutcome.Approved approved -> {
                    if (order.status() == OrderStatus.PENDING_PAYMENT) {
                        settlement.approved(order, approved);
                    } else {
                        settlement.refundLateApproval(order.id(), approved.paymentKey(), approved.amount());
                    }
                    settled++;
                }
                case PaymentOutcome.Declined declined -> {
                    settlement.declined(order, declined.code());
                    settled++;
                }
                case PaymentOutcome.NotFound notFound -> {
                    if (!now.isBefore(order.paymentDeadline().plus(QUIET_PERIOD))) {
                        // The gateway never captured it. Once the deadline is past nobody can still pay it.
                        rows.paymentState(order.id(), PaymentState.DECLINED);
                        settled++;
                    } else if (order.status() == OrderStatus.PENDING_PAYMENT && order.paymentKey() != null
                            && settleByConfirmingAgain(order)) {
                        // Our confirm never reached the gateway (or failed before it captured): the fan's
                        // authorisation stands, so ask again. Confirming is idempotent at the gateway.
                        settled++;
                    }
                }
                case PaymentOutcome.Unknown unknown -> {
                }
            }
        }
        return settled;
    }

    private boolean settleByConfirmingAgain(Order order) {
        PaymentOutcome outcome = gateway.confirm(order.paymentKey(), order.id().toString(), order.amount(),
                "confirm-" + order.id() + "-" + order.paymentKey());
        switch (outcome) {
            case PaymentOutcome.Approved approved -> {
                settlement.approved(order, approved);
                return true;
            }
            case PaymentOutcome.Declined declined -> {
                settlement.declined(order, declined.code());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static long approvedAmount(Order order) {
        return order.amount();
    }
}
