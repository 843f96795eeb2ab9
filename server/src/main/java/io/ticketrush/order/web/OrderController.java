package io.ticketrush.order.web;

import io.ticketrush.order.CancelOrder;
import io.ticketrush.order.Order;
import io.ticketrush.order.Orders;
import io.ticketrush.order.PayOrder;
import io.ticketrush.order.PaymentState;
import io.ticketrush.order.PlaceOrder;
import io.ticketrush.shared.Caller;
import io.ticketrush.ticket.IssuedTicket;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private final PlaceOrder placeOrder;
    private final PayOrder payOrder;
    private final CancelOrder cancelOrder;
    private final Orders orders;

    OrderController(PlaceOrder placeOrder, PayOrder payOrder, CancelOrder cancelOrder, Orders orders) {
        this.placeOrder = placeOrder;
        this.payOrder = payOrder;
        this.cancelOrder = cancelOrder;
        this.orders = orders;
    }

    record OrderRequest(@NotNull UUID holdId, @Nullable UUID couponId) {
    }

    record ConfirmRequest(@NotBlank @Size(max = 200) String paymentKey, @NotNull @PositiveOrZero @Max(1_000_000_000) Long amount) {
    }

    record TicketView(UUID ticketId, String seatId, String code, String status) {
    }

    record OrderResponse(UUID orderId, String status, UUID holdId, UUID performanceId, UUID eventId,
            List<Order.Item> items, long subtotal, long discount, long amount, @Nullable UUID couponId,
            Instant paymentDeadline, String paymentState, @Nullable Long refundAmount, @Nullable Long cancellationFee,
            Instant createdAt, @Nullable Instant paidAt, List<TicketView> tickets) {

        static OrderResponse of(Order o, List<IssuedTicket> tickets) {
            return new OrderResponse(o.id(), o.status().name(), o.holdId(), o.performanceId(), o.eventId(), o.items(),
                    o.subtotal(), o.discount(), o.amount(), o.couponId(), o.paymentDeadline(), o.paymentState().name(),
                    o.refundAmount(), o.cancellationFee(), o.createdAt(), o.paidAt(),
                    tickets.stream().map(t -> new TicketView(t.ticketId(), t.seatId(), t.code(), t.status().name())).toList());
        }
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody OrderRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable @Size(max = 200) String idempotencyKey,
            @RequestHeader(value = "Admission-Token", required = false) @Nullable String admissionToken) {
        PlaceOrder.Placed placed = placeOrder.place(Caller.current().userId(), request.holdId(), request.couponId(),
                idempotencyKey, admissionToken);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(placed.order()));
    }

    @GetMapping("/api/v1/orders/{orderId}")
    OrderResponse get(@PathVariable UUID orderId) {
        return view(orders.ownedBy(orderId, Caller.current().userId()));
    }

    @PostMapping("/api/v1/orders/{orderId}/payments/confirm")
    ResponseEntity<OrderResponse> confirm(@PathVariable UUID orderId, @Valid @RequestBody ConfirmRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable @Size(max = 200) String idempotencyKey,
            @RequestHeader(value = "Admission-Token", required = false) @Nullable String admissionToken) {
        Order order = payOrder.confirm(Caller.current().userId(), orderId, request.paymentKey(), request.amount(),
                idempotencyKey, admissionToken);
        // 202: the gateway has not told us the outcome yet; the reconciler settles it, GET the order to see.
        HttpStatus status = order.paymentState() == PaymentState.UNKNOWN ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(view(order));
    }

    @PostMapping("/api/v1/orders/{orderId}/cancel")
    ResponseEntity<OrderResponse> cancel(@PathVariable UUID orderId) {
        Order order = cancelOrder.cancel(Caller.current().userId(), orderId);
        // 202: cancelled (tickets void, seats free), but the gateway has not confirmed the refund yet;
        // the reconciler retries it (REFUND_PENDING) or an operator settles it (MANUAL_REVIEW).
        boolean refundOpen = order.paymentState() == PaymentState.REFUND_PENDING
                || order.paymentState() == PaymentState.MANUAL_REVIEW;
        return ResponseEntity.status(refundOpen ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view(order));
    }

    @GetMapping("/api/v1/me/orders")
    Map<String, List<OrderResponse>> mine() {
        List<Order> mine = orders.of(Caller.current().userId());
        Map<UUID, List<IssuedTicket>> tickets = orders.ticketsOf(mine);
        return Map.of("items", mine.stream().map(o -> OrderResponse.of(o, tickets.get(o.id()))).toList());
    }

    private OrderResponse view(Order order) {
        return OrderResponse.of(order, orders.ticketsOf(order));
    }
}
