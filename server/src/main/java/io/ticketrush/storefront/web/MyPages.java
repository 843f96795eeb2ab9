package io.ticketrush.storefront.web;

import io.ticketrush.order.CancelOrder;
import io.ticketrush.order.CancellationPolicy;
import io.ticketrush.order.Order;
import io.ticketrush.order.OrderStatus;
import io.ticketrush.order.Orders;
import io.ticketrush.order.PaymentState;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import io.ticketrush.ticket.IssuedTicket;
import io.ticketrush.ticket.Ticket;
import io.ticketrush.ticket.Tickets;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A fan's own orders (with the payment result), tickets with QR codes, and cancellation. */
@Controller
@PageFrame
class MyPages {

    private final Orders orders;
    private final CancelOrder cancelOrder;
    private final Tickets tickets;
    private final Showings showings;
    private final Clock clock;

    MyPages(Orders orders, CancelOrder cancelOrder, Tickets tickets, Showings showings, Clock clock) {
        this.orders = orders;
        this.cancelOrder = cancelOrder;
        this.tickets = tickets;
        this.showings = showings;
        this.clock = clock;
    }

    record OrderLine(Order order, Showings.Show show) {
    }

    record TicketCard(Ticket ticket, Showings.Show show) {
    }

    @GetMapping("/my")
    String myOrders(Model model) {
        Map<UUID, Showings.Show> shows = new HashMap<>();
        List<OrderLine> lines = orders.of(Caller.current().userId()).stream()
                .map(o -> new OrderLine(o, shows.computeIfAbsent(o.performanceId(), showings::of)))
                .toList();
        model.addAttribute("orders", lines);
        model.addAttribute("tab", "orders");
        return "storefront/my";
    }

    @GetMapping("/my/tickets")
    String myTickets(Model model) {
        Map<UUID, Showings.Show> shows = new HashMap<>();
        List<TicketCard> cards = tickets.of(Caller.current().userId()).stream()
                .map(t -> new TicketCard(t, shows.computeIfAbsent(t.performanceId(), showings::of)))
                .toList();
        model.addAttribute("tickets", cards);
        model.addAttribute("tab", "tickets");
        return "storefront/my";
    }

    /** The order, and the result page after paying. */
    @GetMapping("/orders/{orderId}")
    String order(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String error, Model model) {
        Order order = orders.ownedBy(orderId, Caller.current().userId());
        List<IssuedTicket> issued = orders.ticketsOf(order);
        model.addAttribute("order", order);
        model.addAttribute("show", showings.of(order.performanceId()));
        model.addAttribute("tickets", issued);
        model.addAttribute("settling", settling(order));
        model.addAttribute("error", error);
        model.addAttribute("terms", order.status() == OrderStatus.PAID ? terms(order) : null);
        return "storefront/order";
    }

    /** Polled while the gateway's answer is awaited: 204 until the order settles, then the page reloads. */
    @GetMapping("/orders/{orderId}/state")
    @ResponseBody
    void state(@PathVariable UUID orderId, HttpServletResponse response) {
        Order order = orders.ownedBy(orderId, Caller.current().userId());
        if (settling(order)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setHeader("HX-Refresh", "true");
        }
    }

    @PostMapping("/orders/{orderId}/cancel")
    String cancel(@PathVariable UUID orderId) {
        try {
            cancelOrder.cancel(Caller.current().userId(), orderId);
            return "redirect:/orders/" + orderId;
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            return "redirect:/orders/" + orderId + "?error=" + e.code();
        }
    }

    private static boolean settling(Order order) {
        return order.status() == OrderStatus.PENDING_PAYMENT
                && (order.paymentState() == PaymentState.CONFIRMING || order.paymentState() == PaymentState.UNKNOWN);
    }

    /** What cancelling now would cost, from the order module's fee schedule; null when it is too late. */
    private CancellationPolicy.@Nullable Terms terms(Order order) {
        try {
            return CancellationPolicy.terms(order.amount(), order.paidAt() == null ? order.createdAt() : order.paidAt(),
                    order.performanceStartsAt(), clock.instant());
        } catch (DomainException closed) {
            return null;
        }
    }
}
