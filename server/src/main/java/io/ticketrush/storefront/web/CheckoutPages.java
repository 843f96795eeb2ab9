package io.ticketrush.storefront.web;

import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.order.IncidentExtension;
import io.ticketrush.order.Order;
import io.ticketrush.order.OrderStatus;
import io.ticketrush.order.Orders;
import io.ticketrush.order.PayOrder;
import io.ticketrush.order.PlaceOrder;
import io.ticketrush.promotion.CouponOffers;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Checkout: the held seats with the hold's countdown, the order, and the sandbox payment page.
 * The card goes from the browser to the payment gateway (as a real PG widget does); this server
 * only receives the payment key and confirms it through {@link PayOrder}.
 */
@Controller
@PageFrame
class CheckoutPages {

    private final SeatHolds seatHolds;
    private final PlaceOrder placeOrder;
    private final PayOrder payOrder;
    private final Orders orders;
    private final Showings showings;
    private final CouponOffers coupons;
    private final IncidentExtension incidents;
    private final Clock clock;

    CheckoutPages(SeatHolds seatHolds, PlaceOrder placeOrder, PayOrder payOrder, Orders orders, Showings showings,
            CouponOffers coupons, IncidentExtension incidents, Clock clock) {
        this.seatHolds = seatHolds;
        this.coupons = coupons;
        this.incidents = incidents;
        this.placeOrder = placeOrder;
        this.payOrder = payOrder;
        this.orders = orders;
        this.showings = showings;
        this.clock = clock;
    }

    @GetMapping("/holds/{holdId}")
    String hold(@PathVariable UUID holdId, @RequestParam(required = false) @Nullable String error, Model model) {
        UUID userId = Caller.current().userId();
        Hold hold = seatHolds.ownedBy(holdId, userId);
        if (hold.orderId() != null) {
            return "redirect:/orders/" + hold.orderId() + "/pay";
        }
        model.addAttribute("hold", hold);
        model.addAttribute("coupons", coupons.usableOn(userId, hold.eventId(), hold.totalPrice()));
        model.addAttribute("error", error != null && error.matches("[a-z-]{1,40}") ? error : null);
        model.addAttribute("active", hold.activeAt(clock.instant()));
        model.addAttribute("show", showings.of(hold.performanceId()));
        model.addAttribute("now", clock.instant());
        return "storefront/hold";
    }

    @PostMapping("/holds/{holdId}/release")
    String release(@PathVariable UUID holdId) {
        Hold hold = seatHolds.ownedBy(holdId, Caller.current().userId());
        seatHolds.letGo(holdId, Caller.current().userId());
        return "redirect:/performances/" + hold.performanceId() + "/seats";
    }

    @PostMapping("/holds/{holdId}/order")
    String order(@PathVariable UUID holdId, @RequestParam(required = false) @Nullable UUID couponId,
            HttpServletRequest request) {
        UUID userId = Caller.current().userId();
        Hold hold = seatHolds.ownedBy(holdId, userId);
        try {
            // One order per hold: pressing the button twice finds the first order by its key.
            Order order = placeOrder.place(userId, holdId, couponId, "page-hold-" + holdId,
                    Admissions.of(request, hold.eventId())).order();
            return "redirect:/orders/" + order.id() + "/pay";
        } catch (DomainException e) {
            if (e.properties().get("orderId") instanceof String orderId) {
                return "redirect:/orders/" + orderId + "/pay";
            }
            if (e.code().equals("hold-expired")) {
                return "redirect:/holds/" + holdId;
            }
            if (e.code().startsWith("coupon-") || e.code().equals("unknown-coupon")) {
                return "redirect:/holds/" + holdId + "?error=" + e.code();
            }
            if (e.code().equals("admission-required")) {
                return "redirect:/events/" + hold.eventId() + "/queue?performance=" + hold.performanceId();
            }
            throw e;
        }
    }

    @GetMapping("/orders/{orderId}/pay")
    String payment(@PathVariable UUID orderId, Model model) {
        Order order = orders.ownedBy(orderId, Caller.current().userId());
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return "redirect:/orders/" + orderId;
        }
        model.addAttribute("order", order);
        model.addAttribute("show", showings.of(order.performanceId()));
        model.addAttribute("incident", incidents.noticeFor(order));
        model.addAttribute("now", clock.instant());
        return "storefront/pay";
    }

    @PostMapping("/orders/{orderId}/pay")
    String confirm(@PathVariable UUID orderId, @RequestParam String paymentKey, HttpServletRequest request) {
        UUID userId = Caller.current().userId();
        Order order = orders.ownedBy(orderId, userId);
        if (paymentKey.isBlank() || paymentKey.length() > 200) {
            return "redirect:/orders/" + orderId + "/pay";
        }
        try {
            payOrder.confirm(userId, orderId, paymentKey, order.amount(), null,
                    Admissions.of(request, order.eventId()));
            return "redirect:/orders/" + orderId;
        } catch (DomainException e) {
            return "redirect:/orders/" + orderId + "?error=" + e.code();
        }
    }
}
