package io.ticketrush.storefront.web;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.catalog.Venue;
import io.ticketrush.catalog.Venues;
import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.HoldCredentials;
import io.ticketrush.inventory.HoldRequest;
import io.ticketrush.inventory.HoldSeats;
import io.ticketrush.inventory.SeatMap;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import io.ticketrush.storefront.SeatLayout;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat map of a performance (SVG from the venue's sections and rows, coloured by grade,
 * held and sold seats greyed) and the hold that picking seats, or "best available", places.
 */
@Controller
@PageFrame
class SeatPages {

    private final HoldSeats holdSeats;
    private final SeatMap seatMap;
    private final Catalog catalog;
    private final Venues venues;
    private final JsonMapper json;
    private final Clock clock;

    SeatPages(HoldSeats holdSeats, SeatMap seatMap, Catalog catalog, Venues venues, JsonMapper json, Clock clock) {
        this.holdSeats = holdSeats;
        this.seatMap = seatMap;
        this.catalog = catalog;
        this.venues = venues;
        this.json = json;
        this.clock = clock;
    }

    /** A grade as the legend shows it; {@code tone} picks its colour. */
    record GradeView(String code, String name, long price, int tone, int available, int total) {
    }

    @GetMapping("/performances/{performanceId}/seats")
    String seats(@PathVariable UUID performanceId, @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable Integer limit, HttpServletRequest request, Model model) {
        PerformanceSale sale = holdSeats.saleOf(performanceId);
        Event event = catalog.event(sale.eventId()).orElseThrow();
        if (sale.queue().enabled() && Admissions.of(request, sale.eventId()) == null
                && Caller.ifAuthenticated().isPresent()) {
            return toWaitingRoom(sale);
        }
        Venue venue = venues.find(event.venueId());
        SeatMap.Snapshot snapshot = seatMap.snapshot(sale);
        Map<String, String> sectionNames = new LinkedHashMap<>();
        venue.sections().forEach(s -> sectionNames.put(s.code(), s.name()));

        List<GradeView> grades = new ArrayList<>();
        Map<String, Integer> tones = new LinkedHashMap<>();
        for (Grade grade : sale.grades()) {
            tones.put(grade.code(), tones.size());
            SeatMap.GradeCount count = snapshot.availability().stream()
                    .filter(c -> c.code().equals(grade.code())).findFirst()
                    .orElse(new SeatMap.GradeCount(grade.code(), 0, 0, 0, 0));
            grades.add(new GradeView(grade.code(), grade.name(), grade.price(), tones.get(grade.code()),
                    count.available(), count.total()));
        }
        Instant now = clock.instant();
        model.addAttribute("sale", sale);
        model.addAttribute("event", event);
        model.addAttribute("layout", SeatLayout.of(seats(snapshot), sectionNames));
        model.addAttribute("sectionNames", sectionNames);
        model.addAttribute("grades", grades);
        model.addAttribute("gradeByCode", grades.stream().collect(java.util.stream.Collectors.toMap(GradeView::code, g -> g)));
        model.addAttribute("open", !now.isBefore(sale.salesOpenAt()) && now.isBefore(sale.salesEndAt()));
        model.addAttribute("upcoming", now.isBefore(sale.salesOpenAt()));
        model.addAttribute("error", error);
        model.addAttribute("limit", limit);
        return "storefront/seats";
    }

    @PostMapping("/performances/{performanceId}/holds")
    String hold(@PathVariable UUID performanceId,
            @RequestParam(required = false) @Nullable List<String> seatIds,
            @RequestParam(required = false) @Nullable String gradeCode,
            @RequestParam(required = false) @Nullable Integer quantity, HttpServletRequest servletRequest) {
        HoldRequest request;
        if (gradeCode != null && !gradeCode.isBlank()) {
            request = new HoldRequest.BestAvailable(gradeCode, quantity == null ? 1 : Math.clamp(quantity, 1, 20));
        } else if (seatIds != null && !seatIds.isEmpty() && seatIds.size() <= 20) {
            request = new HoldRequest.Seats(List.copyOf(new LinkedHashSet<>(seatIds)));
        } else {
            return backToSeats(performanceId, "no-seats", null);
        }
        PerformanceSale sale = holdSeats.saleOf(performanceId);
        try {
            Caller.requireVerifiedEmail();
            Hold hold = holdSeats.hold(performanceId, Caller.current().userId(), request,
                    new HoldCredentials(Admissions.of(servletRequest, sale.eventId()), null));
            return "redirect:/holds/" + hold.id();
        } catch (DomainException e) {
            if (e.status() == 404 && e.code().equals("unknown-performance")) {
                throw e;
            }
            if (e.code().equals("admission-required")) {
                return toWaitingRoom(sale); // no admission, or it ended: the line decides what comes next
            }
            return backToSeats(performanceId, e.code(), e.properties().get("limit"));
        }
    }

    private static String toWaitingRoom(PerformanceSale sale) {
        return "redirect:/events/" + sale.eventId() + "/queue?performance=" + sale.performanceId();
    }

    private static String backToSeats(UUID performanceId, String code, @Nullable Object limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/performances/{id}/seats")
                .queryParam("error", code);
        if (limit != null) {
            uri.queryParam("limit", limit);
        }
        return "redirect:" + uri.buildAndExpand(performanceId).toUriString();
    }

    /** The seats of the snapshot, in the front-to-back order the inventory keeps them. */
    private List<SeatLayout.Seat> seats(SeatMap.Snapshot snapshot) {
        JsonNode root = json.readTree(snapshot.seatMapJson());
        List<SeatLayout.Seat> seats = new ArrayList<>();
        for (JsonNode seat : root.path("seats")) {
            seats.add(new SeatLayout.Seat(seat.path("seatId").asString(), seat.path("section").asString(),
                    seat.path("row").asString(), seat.path("number").asInt(), seat.path("gradeCode").asString(),
                    seat.path("status").asString()));
        }
        return seats;
    }
}
