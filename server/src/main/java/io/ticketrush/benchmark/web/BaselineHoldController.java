package io.ticketrush.benchmark.web;

import io.ticketrush.benchmark.BaselineHold;
import io.ticketrush.benchmark.PessimisticHolds;
import io.ticketrush.benchmark.RedissonHolds;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baselines over HTTP, with the request and response shape of
 * {@code POST /api/v1/performances/{id}/holds} (specific seats only). Needs a fan's access
 * token like the real hold; exists only under the {@code benchmark} profile.
 */
@RestController
@Profile("benchmark")
class BaselineHoldController {

    private final PessimisticHolds pessimistic;
    private final RedissonHolds redisson;

    BaselineHoldController(PessimisticHolds pessimistic, RedissonHolds redisson) {
        this.pessimistic = pessimistic;
        this.redisson = redisson;
    }

    record HoldBody(@NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 40) String> seatIds) {
        List<String> checked() {
            if (new HashSet<>(seatIds).size() != seatIds.size()) {
                throw DomainException.badRequest("validation-failed", "a seat is listed twice")
                        .with("errors", List.of(Map.of("field", "seatIds", "message", "a seat is listed twice")));
            }
            return List.copyOf(seatIds);
        }
    }

    record HoldResponse(UUID holdId, UUID performanceId, UUID eventId, List<BaselineHold.Seat> seats, long totalPrice,
            String status, Instant expiresAt, @Nullable UUID orderId) {
        static HoldResponse of(BaselineHold h) {
            return new HoldResponse(h.id(), h.performanceId(), h.eventId(), h.seats(), h.totalPrice(), "ACTIVE",
                    h.expiresAt(), null);
        }
    }

    @PostMapping("/benchmark/baseline/pessimistic/performances/{performanceId}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    HoldResponse pessimistic(@PathVariable UUID performanceId, @Valid @RequestBody HoldBody body) {
        return HoldResponse.of(pessimistic.hold(performanceId, Caller.current().userId(), body.checked()));
    }

    @PostMapping("/benchmark/baseline/redisson/performances/{performanceId}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    HoldResponse redisson(@PathVariable UUID performanceId, @Valid @RequestBody HoldBody body) {
        return HoldResponse.of(redisson.hold(performanceId, Caller.current().userId(), body.checked()));
    }
}
