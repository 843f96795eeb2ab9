package io.ticketrush.queue.web;

import io.ticketrush.queue.DrawRecord;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public record of the opening draw, for anyone who wants to check the pre-queue's order. */
@RestController
class DrawController {

    private final DrawRecord draws;

    DrawController(DrawRecord draws) {
        this.draws = draws;
    }

    @GetMapping("/api/v1/events/{eventId}/queue/draw")
    DrawRecord.Draw draw(@PathVariable UUID eventId) {
        return draws.of(eventId);
    }

    /** One entry id per line, sorted: feed it with the seed to the recipe in docs/waiting-room.md. */
    @GetMapping("/api/v1/events/{eventId}/queue/draw/entrants")
    ResponseEntity<String> entrants(@PathVariable UUID eventId) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(draws.entrants(eventId));
    }
}
