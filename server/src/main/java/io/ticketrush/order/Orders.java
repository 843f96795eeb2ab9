package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.IssuedTicket;
import io.ticketrush.ticket.Tickets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reading orders: one's own only; anyone else's does not exist as far as the caller can tell. */
@Component
public class Orders {

    private final OrderRows rows;
    private final Tickets tickets;

    Orders(OrderRows rows, Tickets tickets) {
        this.rows = rows;
        this.tickets = tickets;
    }

    public Order ownedBy(UUID orderId, UUID userId) {
        return rows.find(orderId).filter(o -> o.ownedBy(userId)).orElseThrow(Orders::unknownOrder);
    }

    public List<Order> of(UUID userId) {
        return rows.ofUser(userId, 100);
    }

    /** For operators: orders whose payment the reconciler could not settle, the most recent first. */
    public List<OrderReview> inManualReview() {
        return rows.inManualReview(200);
    }

    public List<IssuedTicket> ticketsOf(Order order) {
        return showsTickets(order) ? tickets.forOrder(order.id()) : List.of();
    }

    /** {@link #ticketsOf(Order)} for many orders in one query: each order's id to its tickets (none: empty list). */
    public Map<UUID, List<IssuedTicket>> ticketsOf(List<Order> orders) {
        Map<UUID, List<IssuedTicket>> issued = tickets.forOrders(
                orders.stream().filter(Orders::showsTickets).map(Order::id).toList());
        Map<UUID, List<IssuedTicket>> byOrder = new LinkedHashMap<>();
        for (Order order : orders) {
            byOrder.put(order.id(), showsTickets(order) ? issued.getOrDefault(order.id(), List.of()) : List.of());
        }
        return byOrder;
    }

    private static boolean showsTickets(Order order) {
        return order.status() == OrderStatus.PAID || order.status() == OrderStatus.CANCELLED;
    }

    static DomainException unknownOrder() {
        return DomainException.notFound("unknown-order", "No such order");
    }
}
