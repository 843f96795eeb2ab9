package io.ticketrush.storefront.web;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Category;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.EventQuery;
import io.ticketrush.catalog.EventStatus;
import io.ticketrush.catalog.Events;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.SeatMap;
import io.ticketrush.promotion.CouponCampaigns;
import io.ticketrush.promotion.CouponOffers;
import io.ticketrush.promotion.MyCoupons;
import io.ticketrush.shared.Caller;
import io.ticketrush.storefront.PageFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page (events by category, with search) and an event's page with its performances. */
@Controller
@PageFrame
class CatalogPages {

    static final int PAGE_SIZE = 24;

    private final Events events;
    private final Catalog catalog;
    private final SeatMap seatMap;
    private final CouponOffers offers;
    private final MyCoupons myCoupons;
    private final Clock clock;

    CatalogPages(Events events, Catalog catalog, SeatMap seatMap, CouponOffers offers, MyCoupons myCoupons, Clock clock) {
        this.events = events;
        this.offers = offers;
        this.myCoupons = myCoupons;
        this.catalog = catalog;
        this.seatMap = seatMap;
        this.clock = clock;
    }

    /** Where a performance's sale stands right now, as the page shows it. */
    enum SaleState {
        UPCOMING, OPEN, CLOSED
    }

    record GradeLeft(String code, String name, long price, int available) {
    }

    record PerformanceView(UUID id, Instant startsAt, SaleState state, int available, int total,
            List<GradeLeft> grades) {
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Category category,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
        int pageNumber = Math.clamp(page, 0, 10_000);
        Events.Page result = events.list(new EventQuery(text, category, null, null, pageNumber, PAGE_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("category", category);
        model.addAttribute("categories", Category.values());
        model.addAttribute("events", result.items());
        model.addAttribute("total", result.totalItems());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < result.totalItems());
        model.addAttribute("now", clock.instant());
        return htmx != null ? "storefront/home :: results" : "storefront/home";
    }

    @GetMapping("/events/{eventId}")
    String event(@PathVariable UUID eventId, @RequestParam(required = false) @Nullable UUID claimed,
            @RequestParam(required = false) @Nullable String couponError, Model model) {
        Event event = events.find(eventId, Caller.ifAuthenticated());
        Instant now = clock.instant();
        List<PerformanceView> performances = event.performances().stream()
                .map(p -> performance(event, p, now))
                .toList();
        model.addAttribute("event", event);
        model.addAttribute("performances", performances);
        model.addAttribute("draft", event.status() == EventStatus.DRAFT);
        model.addAttribute("upcoming", now.isBefore(event.salesOpenAt()));
        model.addAttribute("minPrice", event.grades().stream().mapToLong(Grade::price).min().orElse(0));
        model.addAttribute("now", now);
        List<CouponCampaigns.View> campaigns = event.status() == EventStatus.PUBLISHED
                ? offers.claimableFor(eventId) : List.of();
        Set<UUID> held = campaigns.isEmpty() ? Set.of() : Caller.ifAuthenticated()
                .map(caller -> myCoupons.of(caller.userId()).stream().map(c -> c.campaign().id())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("heldCampaigns", held);
        model.addAttribute("claimed", claimed);
        model.addAttribute("couponError", couponError != null && couponError.matches("[a-z-]{1,40}") ? couponError : null);
        return "storefront/event";
    }

    private PerformanceView performance(Event event, Event.Performance performance, Instant now) {
        PerformanceSale sale = event.status() == EventStatus.PUBLISHED
                ? catalog.performance(performance.performanceId()).orElse(null) : null;
        if (sale == null) {
            return new PerformanceView(performance.performanceId(), performance.startsAt(), SaleState.UPCOMING, 0, 0,
                    event.grades().stream().map(g -> new GradeLeft(g.code(), g.name(), g.price(), 0)).toList());
        }
        Map<String, SeatMap.GradeCount> counts = seatMap.availability(sale).stream()
                .collect(Collectors.toMap(SeatMap.GradeCount::code, Function.identity()));
        List<GradeLeft> grades = event.grades().stream()
                .map(g -> new GradeLeft(g.code(), g.name(), g.price(),
                        counts.containsKey(g.code()) ? counts.get(g.code()).available() : 0))
                .toList();
        SaleState state = now.isBefore(sale.salesOpenAt()) ? SaleState.UPCOMING
                : now.isBefore(sale.salesEndAt()) ? SaleState.OPEN : SaleState.CLOSED;
        return new PerformanceView(performance.performanceId(), performance.startsAt(), state,
                grades.stream().mapToInt(GradeLeft::available).sum(),
                counts.values().stream().mapToInt(SeatMap.GradeCount::total).sum(), grades);
    }
}
