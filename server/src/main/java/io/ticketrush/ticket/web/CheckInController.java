package io.ticketrush.ticket.web;

import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.CheckIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The door: staff and organizers scan a ticket's code. */
@RestController
class CheckInController {

    private final CheckIn checkIn;

    CheckInController(CheckIn checkIn) {
        this.checkIn = checkIn;
    }

    record CheckInRequest(@NotBlank String code) {
    }

    record CheckInResponse(UUID ticketId, UUID performanceId, String seatId, Instant checkedInAt) {
    }

    @PostMapping("/api/v1/check-ins")
    @PreAuthorize("hasAnyRole('STAFF','ORGANIZER')")
    CheckInResponse checkIn(@Valid @RequestBody(required = false) @Nullable CheckInRequest request) {
        if (request == null) {
            throw DomainException.badRequest("validation-failed", "The request has invalid fields")
                    .with("errors", List.of(Map.of("field", "code", "message", "must not be blank")));
        }
        CheckIn.Admission admission = checkIn.admit(request.code(), Caller.current());
        return new CheckInResponse(admission.ticketId(), admission.performanceId(), admission.seatId(),
                admission.checkedInAt());
    }
}
