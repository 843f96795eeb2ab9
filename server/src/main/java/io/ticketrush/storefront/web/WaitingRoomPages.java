package io.ticketrush.storefront.web;

import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.Events;
import io.ticketrush.queue.LineBroadcast;
import io.ticketrush.queue.Place;
import io.ticketrush.queue.RateLimits;
import io.ticketrush.queue.WaitingRoom;
import io.ticketrush.queue.WaitingRoomSettings;
import io.ticketrush.shared.Caller;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The waiting room page of an event whose queue is on. {@code GET} only reads: a fan in the line sees
 * their place, a fan not yet in it a page whose form joins it ({@code POST}, with the page's CSRF token;
 * the page submits it by itself, so the event page's link and the sign-in round trip still land in the
 * line). Joining again, from any tab, keeps the place; the page then follows the fan's place over a cookie-authenticated
 * SSE stream, served by the queue module's own broadcaster, or by polling when a stream cannot be
 * had. Once ADMITTED, {@code /enter} reads the place on the server, keeps the admission token in a
 * cookie (see {@link Admissions}) and sends the fan on to the seat map.
 */
@Controller
@PageFrame
class WaitingRoomPages {

    private final WaitingRoom room;
    private final LineBroadcast broadcast;
    private final RateLimits limits;
    private final Events events;
    private final Clock clock;
    private final Duration longestPoll;

    WaitingRoomPages(WaitingRoom room, LineBroadcast broadcast, RateLimits limits, Events events, Clock clock,
            WaitingRoomSettings settings) {
        this.longestPoll = settings.longestPoll();
        this.room = room;
        this.broadcast = broadcast;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** The fan's place in the line, or the form that joins it: reads only. */
    @GetMapping("/events/{eventId}/queue")
    String waitingRoom(@PathVariable UUID eventId, @RequestParam(required = false) @Nullable UUID performance,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Event event = events.find(eventId, Caller.ifAuthenticated());
        UUID performanceId = performanceOf(event, performance);
        if (!event.queue().enabled()) {
            return seats(performanceId);
        }
        UUID fan = Caller.current().userId();
        limits.check(request.getRemoteAddr(), fan);
        Place place = room.findPlace(eventId, fan).orElse(null);
        model.addAttribute("event", event);
        model.addAttribute("performanceId", performanceId);
        if (place == null) {
            return "storefront/queue-join";
        }
        return shown(event.id(), performanceId, place, request, response, model);
    }

    /** Takes a place in the line (keeps the one held), then shows it with a GET. */
    @PostMapping("/events/{eventId}/queue")
    String join(@PathVariable UUID eventId, @RequestParam(required = false) @Nullable UUID performance,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Event event = events.find(eventId, Caller.ifAuthenticated());
        UUID performanceId = performanceOf(event, performance);
        if (!event.queue().enabled()) {
            return seats(performanceId);
        }
        UUID fan = Caller.current().userId();
        limits.check(request.getRemoteAddr(), fan);
        Place place = room.join(eventId, fan);
        if (place instanceof Place.Closed closed && closed.reason() == Place.ClosedReason.SALE_OVER) {
            // a sale that is over takes nobody into the line: say so here (a GET would offer the form again)
            model.addAttribute("event", event);
            model.addAttribute("performanceId", performanceId);
            return shown(eventId, performanceId, place, request, response, model);
        }
        if (place instanceof Place.Admitted admitted) {
            Admissions.keep(request, response, eventId, admitted.admissionToken(), admitted.expiresAt(), clock.instant());
            return seats(performanceId);
        }
        return "redirect:/events/" + eventId + "/queue?performance=" + performanceId;
    }

    private String shown(UUID eventId, UUID performanceId, Place place, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (place instanceof Place.Admitted admitted) {
            Admissions.keep(request, response, eventId, admitted.admissionToken(), admitted.expiresAt(), clock.instant());
            return seats(performanceId);
        }
        model.addAttribute("place", place.document());
        return "storefront/queue";
    }

    /** {@code text/event-stream} of the fan's place, the API stream's twin for cookie-signed pages. */
    @GetMapping(value = "/events/{eventId}/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID eventId, HttpServletRequest request, HttpServletResponse response) {
        UUID fan = Caller.current().userId();
        limits.check(request.getRemoteAddr(), fan);
        response.setHeader("X-Accel-Buffering", "no");
        return broadcast.watch(eventId, fan, request.getRemoteAddr());
    }

    /** The fan's place as JSON, for pages whose stream failed; {@code Retry-After} says when to ask again. */
    @GetMapping(value = "/events/{eventId}/queue/place", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Place> place(@PathVariable UUID eventId, HttpServletRequest request) {
        UUID fan = Caller.current().userId();
        limits.check(request.getRemoteAddr(), fan);
        Place place = room.place(eventId, fan);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, place.retryAfterSeconds(longestPoll))))
                .body(place);
    }

    /** Where the page goes once admitted: keeps the admission and opens the seat map; else back in line. */
    @GetMapping("/events/{eventId}/queue/enter")
    String enter(@PathVariable UUID eventId, @RequestParam(required = false) @Nullable UUID performance,
            HttpServletRequest request, HttpServletResponse response) {
        Event event = events.find(eventId, Caller.ifAuthenticated());
        UUID performanceId = performanceOf(event, performance);
        Place place = room.place(eventId, Caller.current().userId());
        if (place instanceof Place.Admitted admitted) {
            Admissions.keep(request, response, eventId, admitted.admissionToken(), admitted.expiresAt(), clock.instant());
            return seats(performanceId);
        }
        return "redirect:/events/" + eventId + "/queue?performance=" + performanceId;
    }

    private static UUID performanceOf(Event event, @Nullable UUID wanted) {
        return wanted != null && event.performances().stream().anyMatch(p -> p.performanceId().equals(wanted))
                ? wanted : event.performances().getFirst().performanceId();
    }

    private static String seats(UUID performanceId) {
        return "redirect:/performances/" + performanceId + "/seats";
    }
}
