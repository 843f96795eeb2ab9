package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles orders whose payment outcome nobody knows yet (timeouts, crashes between the gateway
 * and our database) by asking the gateway, and sends refunds that are recorded but not confirmed.
 * Runs on one instance at a time, on its own thread, for at most its time budget per run. Every
 * try is recorded with its count and the time of the next one (backoff), so an order it cannot
 * settle never keeps the others waiting; past the limit, or when the gateway refuses a refund,
 * the order goes to MANUAL_REVIEW for an operator.
 */
@Component
public class PaymentReconciler {

    private static final Log log = LogFactory.getLog(PaymentReconciler.class);

    private final OrderRows rows;
    private final PaymentGateway gateway;
    private final Settlement settlement;
    private final Refunds refunds;
    private final SettleTries tries;
    private final OrderTransitions transitions;
    private final OrderSettings settings;
    private final Clock clock;

    PaymentReconciler(OrderRows rows, PaymentGateway gateway, Settlement settlement, Refunds refunds,
            SettleTries tries, OrderTransitions transitions, OrderSettings settings, Clock clock) {
        this.rows = rows;
        this.gateway = gateway;
        this.settlement = settlement;
        this.refunds = refunds;
        this.tries = tries;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketrush.order.reconcile-interval:PT5S}")
    @SchedulerLock(name = "order-payment-reconciler", lockAtMostFor = "PT45S")
    public void reconcileScheduled() {
        reconcile();
    }

    /** Tries every unsettled order that is due, the longest-waiting first, within the time budget; returns how many it settled. */
    public int reconcile() {
        Instant started = clock.instant();
        List<Order> due = rows.toReconcile(started, started.minus(settings.quietPeriod()), settings.reconcileBatch());
        if (due.isEmpty()) {
            return 0;
        }
        log.info("Reconciling %d unsettled orders (first: %s %s)".formatted(due.size(), due.getFirst().id(),
                due.getFirst().state()));
        Instant stopBy = started.plus(settings.reconcileBudget());
        int settled = 0;
        int tried = 0;
        for (Order order : due) {
            if (clock.instant().isAfter(stopBy)) {
                log.warn("Reconciler time budget %s spent; %d orders left for the next run"
                        .formatted(settings.reconcileBudget(), due.size() - tried));
                break;
            }
            tried++;
            if (settleOne(order)) {
                settled++;
            }
        }
        log.info("Reconciler settled %d of %d orders tried".formatted(settled, tried));
        return settled;
    }

    private boolean settleOne(Order order) {
        try {
            boolean moved = switch (order.paymentState()) {
                case REFUND_PENDING -> refunds.attempt(order.id()).paymentState() != PaymentState.REFUND_PENDING;
                default -> order.status() == OrderStatus.PAID ? settlePaid(order) : settlePayment(order);
            };
            if (moved) {
                log.info("Reconciled order %s: %s -> %s".formatted(order.id(), order.state(),
                        rows.find(order.id()).map(Order::state).orElse(null)));
            }
            return moved;
        } catch (RuntimeException e) {
            log.error("Reconciling order %s failed; will retry".formatted(order.id()), e);
            tries.retryLater(order, "error: " + e);
            return false;
        }
    }

    /** A paid order whose payment state a lost answer left open: the gateway must show the capture. */
    private boolean settlePaid(Order order) {
        return switch (gateway.lookup(order.id().toString())) {
            case PaymentOutcome.Approved approved -> transitions.apply(order.confirmCapture());
            case PaymentOutcome.Unknown unknown -> retryLater(order, "lookup: " + unknown.reason());
            case PaymentOutcome outcome -> giveUp(order, "paid order, but the gateway reports " + outcome);
        };
    }

    private boolean settlePayment(Order order) {
        if (order.amount() == 0 && order.status() == OrderStatus.PENDING_PAYMENT && order.paymentKey() != null) {
            // a free order interrupted between starting and settling: nothing to ask the gateway
            settlement.approved(order, new PaymentOutcome.Approved(order.paymentKey(), order.id().toString(), 0,
                    clock.instant()));
            return true;
        }
        return switch (gateway.lookup(order.id().toString())) {
            case PaymentOutcome.Approved approved -> {
                if (order.status() == OrderStatus.PENDING_PAYMENT) {
                    settlement.approved(order, approved);
                } else {
                    settlement.refundLateApproval(order.id(), approved.paymentKey(), approved.amount());
                }
                yield true;
            }
            case PaymentOutcome.Declined declined -> settlement.declined(order, declined.code())
                    || retryLater(order, "declined, but the order moved meanwhile");
            case PaymentOutcome.NotFound notFound -> nothingCaptured(order);
            case PaymentOutcome.Unknown unknown -> retryLater(order, "lookup: " + unknown.reason());
        };
    }

    /** The gateway holds no capture. Before the deadline (checked now, not when the run began) confirm again. */
    private boolean nothingCaptured(Order seen) {
        Order order = rows.find(seen.id()).orElseThrow(); // as it is now: another writer may have settled it
        if (!order.state().equals(seen.state())) {
            return true;
        }
        Instant now = clock.instant();
        if (order.status() == OrderStatus.PENDING_PAYMENT && order.paymentKey() != null
                && now.isBefore(order.paymentDeadline())) {
            // Our confirm never reached the gateway (or failed before it captured): the fan's
            // authorisation stands, so ask again. Confirming is idempotent at the gateway.
            return switch (gateway.confirm(order.paymentKey(), order.id().toString(), order.amount(),
                    "confirm-" + order.id() + "-" + order.paymentKey())) {
                case PaymentOutcome.Approved approved -> {
                    settlement.approved(order, approved);
                    yield true;
                }
                case PaymentOutcome.Declined declined -> settlement.declined(order, declined.code());
                case PaymentOutcome outcome -> retryLater(order, "confirmed again, no answer: " + outcome);
            };
        }
        if (!now.isBefore(order.paymentDeadline().plus(settings.quietPeriod()))) {
            // Nothing was captured and nobody can pay it any more: the payment is over, unpaid.
            return transitions.apply(order.nothingCaptured());
        }
        return retryLater(order, "nothing captured yet, deadline just passed");
    }

    private boolean retryLater(Order order, String note) {
        tries.retryLater(order, note);
        return false;
    }

    private boolean giveUp(Order order, String note) {
        tries.giveUp(order, note);
        return true;
    }
}
