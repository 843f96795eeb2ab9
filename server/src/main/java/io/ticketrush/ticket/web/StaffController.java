package io.ticketrush.ticket.web;

import io.ticketrush.shared.Caller;
import io.ticketrush.ticket.DoorStaff;
import io.ticketrush.ticket.StaffMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organizer's door staff (the route is ORGANIZER-only in the security rules). */
@RestController
class StaffController {

    private final DoorStaff staff;

    StaffController(DoorStaff staff) {
        this.staff = staff;
    }

    record AssignRequest(@NotBlank @Email @Size(max = 320) String email,
            @Nullable @Size(max = 100) List<@NotNull UUID> eventIds) {
    }

    @PostMapping("/api/v1/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffMember assign(@Valid @RequestBody AssignRequest request) {
        return staff.assign(Caller.current().userId(), request.email(), request.eventIds());
    }

    @GetMapping("/api/v1/staff")
    Map<String, List<StaffMember>> list() {
        return Map.of("items", staff.of(Caller.current().userId()));
    }

    @DeleteMapping("/api/v1/staff/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID userId) {
        staff.remove(Caller.current().userId(), userId);
    }
}
