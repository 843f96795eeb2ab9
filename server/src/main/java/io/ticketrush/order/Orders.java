package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.IssuedTicket;
import io.ticketrush.ticket.Tickets;
import java.util.List;
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

    public List<IssuedTicket> ticketsOf(Order order) {
        return order.status() == OrderStatus.PAID || order.status() == OrderStatus.CANCELLED
                ? tickets.forOrder(order.id()) : List.of();
    }

    static DomainException unknownOrder() {
        return DomainException.notFound("unknown-order", "No such order");
    }
}
