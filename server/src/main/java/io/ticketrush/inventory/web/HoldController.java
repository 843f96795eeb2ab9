package io.ticketrush.inventory.web;

import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.HoldCredentials;
import io.ticketrush.inventory.HoldRequest;
import io.ticketrush.inventory.HoldSeats;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HoldController {

    private final HoldSeats holdSeats;
    private final SeatHolds seatHolds;

    HoldController(HoldSeats holdSeats, SeatHolds seatHolds) {
        this.holdSeats = holdSeats;
        this.seatHolds = seatHolds;
    }

    record HoldBody(@Nullable @Size(min = 1, max = 20) List<@NotBlank @Size(max = 40) String> seatIds,
            @Nullable @Size(min = 1, max = 10) String gradeCode,
            @Nullable @Min(1) @Max(20) Integer quantity,
            @Nullable @Size(max = 64) String accessCode) {

        HoldRequest toRequest() {
            boolean bySeats = seatIds != null;
            boolean byGrade = gradeCode != null || quantity != null;
            if (bySeats == byGrade) {
                throw invalid("seatIds", "give either seatIds, or gradeCode and quantity");
            }
            if (bySeats) {
                if (new HashSet<>(seatIds).size() != seatIds.size()) {
                    throw invalid("seatIds", "a seat is listed twice");
                }
                return new HoldRequest.Seats(List.copyOf(seatIds));
            }
            if (gradeCode == null || quantity == null) {
                throw invalid(gradeCode == null ? "gradeCode" : "quantity", "gradeCode and quantity go together");
            }
            return new HoldRequest.BestAvailable(gradeCode, quantity);
        }

        private static DomainException invalid(String field, String message) {
            return DomainException.badRequest("validation-failed", message)
                    .with("errors", List.of(Map.of("field", field, "message", message)));
        }
    }

    record HoldResponse(UUID holdId, UUID performanceId, UUID eventId, List<Hold.HeldSeat> seats, long totalPrice,
            String status, Instant expiresAt, @Nullable UUID orderId) {
        static HoldResponse of(Hold h) {
            return new HoldResponse(h.id(), h.performanceId(), h.eventId(), h.seats(), h.totalPrice(),
                    h.status().name(), h.expiresAt(), h.orderId());
        }
    }

    @PostMapping("/api/v1/performances/{performanceId}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    HoldResponse hold(@PathVariable UUID performanceId, @Valid @RequestBody HoldBody body,
            @RequestHeader(value = "Admission-Token", required = false) @Nullable String admissionToken) {
        Caller.requireVerifiedEmail();
        return HoldResponse.of(holdSeats.hold(performanceId, Caller.current().userId(), body.toRequest(),
                new HoldCredentials(admissionToken, body.accessCode())));
    }

    @GetMapping("/api/v1/holds/{holdId}")
    HoldResponse get(@PathVariable UUID holdId) {
        return HoldResponse.of(seatHolds.ownedBy(holdId, Caller.current().userId()));
    }

    @GetMapping("/api/v1/me/holds")
    Map<String, List<HoldResponse>> mine() {
        return Map.of("items", seatHolds.activeOf(Caller.current().userId()).stream().map(HoldResponse::of).toList());
    }

    @DeleteMapping("/api/v1/holds/{holdId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void letGo(@PathVariable UUID holdId) {
        seatHolds.letGo(holdId, Caller.current().userId());
    }
}
