package io.ticketrush.console.web;

import io.ticketrush.order.Orders;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For ADMIN: the orders whose payment the reconciler gave up on (MANUAL_REVIEW) — a refund the
 * gateway refused, a capture it cannot account for — with the reason, to settle by hand in the
 * gateway's back office. Anyone else: the page does not exist.
 */
@Controller
@PageFrame
class PaymentReview {

    private final Orders orders;

    PaymentReview(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/console/orders/review")
    String list(Model model) {
        if (!Caller.current().hasRole("ADMIN")) {
            throw DomainException.notFound("unknown-page", "No such page");
        }
        model.addAttribute("reviews", orders.inManualReview());
        return "console/payment-review";
    }
}
