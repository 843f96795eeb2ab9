package io.ticketrush.queue.web;

import io.ticketrush.queue.LineBroadcast;
import io.ticketrush.queue.Place;
import io.ticketrush.queue.RateLimits;
import io.ticketrush.queue.WaitingRoom;
import io.ticketrush.queue.WaitingRoomSettings;
import io.ticketrush.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A fan's side of the waiting room: join, look, or watch one's place as a stream. */
@RestController
class QueueController {

    private final WaitingRoom room;
    private final LineBroadcast broadcast;
    private final RateLimits limits;
    private final Duration longestPoll;

    QueueController(WaitingRoom room, LineBroadcast broadcast, RateLimits limits, WaitingRoomSettings settings) {
        this.room = room;
        this.broadcast = broadcast;
        this.limits = limits;
        this.longestPoll = settings.longestPoll();
    }

    @PostMapping("/api/v1/events/{eventId}/queue")
    ResponseEntity<Place> join(@PathVariable UUID eventId, HttpServletRequest request) {
        Caller caller = Caller.current();
        limits.check(request.getRemoteAddr(), caller.userId());
        return withRetryAfter(room.join(eventId, caller.userId()));
    }

    /** An admitted fan gives their turn up; 204 (also when there was nothing to end). */
    @DeleteMapping("/api/v1/events/{eventId}/queue")
    ResponseEntity<Void> leave(@PathVariable UUID eventId) {
        room.leave(eventId, Caller.current().userId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/events/{eventId}/queue")
    ResponseEntity<Place> place(@PathVariable UUID eventId, HttpServletRequest request) {
        Caller caller = Caller.current();
        limits.check(request.getRemoteAddr(), caller.userId());
        return withRetryAfter(room.place(eventId, caller.userId()));
    }

    /** {@code text/event-stream}: the same JSON as GET, sent whenever it changes. */
    @GetMapping("/api/v1/events/{eventId}/queue/stream")
    SseEmitter stream(@PathVariable UUID eventId, HttpServletRequest request) {
        Caller caller = Caller.current();
        limits.check(request.getRemoteAddr(), caller.userId());
        return broadcast.watch(eventId, caller.userId(), request.getRemoteAddr());
    }

    private ResponseEntity<Place> withRetryAfter(Place place) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        long retryAfter = place.retryAfterSeconds(longestPoll);
        if (retryAfter > 0) {
            ok.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return ok.body(place);
    }
}
