package io.ticketrush.queue.web;

import io.ticketrush.queue.AdmissionControls;
import io.ticketrush.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organizer's (or an admin's) controls of an event's waiting room during the sale. */
@RestController
class QueueControlController {

    private final AdmissionControls controls;

    QueueControlController(AdmissionControls controls) {
        this.controls = controls;
    }

    record Tuning(@Nullable @Min(1) @Max(100_000) Integer outflowPerSecond,
            @Nullable @Min(1) @Max(1_000_000) Integer maxActiveShoppers) {
    }

    @GetMapping("/api/v1/events/{eventId}/queue/control")
    AdmissionControls.LineReport report(@PathVariable UUID eventId) {
        return controls.report(eventId, Caller.current());
    }

    @PostMapping("/api/v1/events/{eventId}/queue/control/pause")
    AdmissionControls.LineReport pause(@PathVariable UUID eventId) {
        return controls.pause(eventId, Caller.current(), true);
    }

    @PostMapping("/api/v1/events/{eventId}/queue/control/resume")
    AdmissionControls.LineReport resume(@PathVariable UUID eventId) {
        return controls.pause(eventId, Caller.current(), false);
    }

    @PatchMapping("/api/v1/events/{eventId}/queue/control")
    AdmissionControls.LineReport tune(@PathVariable UUID eventId, @Valid @RequestBody Tuning tuning) {
        return controls.tune(eventId, Caller.current(), tuning.outflowPerSecond(), tuning.maxActiveShoppers());
    }
}
