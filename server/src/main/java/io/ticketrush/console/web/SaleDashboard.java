package io.ticketrush.console.web;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.SeatMap;
import io.ticketrush.order.Takings;
import io.ticketrush.queue.AdmissionControls;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The live sale dashboard: sold, held and available seats per grade and performance, read from
 * the inventory's cached seat map (cheap to poll every few seconds during a rush); the takings are
 * what paid orders brought in after coupon discounts (the order module's {@link Takings}); for an
 * event with a waiting room, the line's length and active shoppers from the queue module.
 */
@Controller
@PageFrame
class SaleDashboard {

    private final EventEditor editor;
    private final Catalog catalog;
    private final SeatMap seatMap;
    private final Takings takings;
    private final AdmissionControls line;
    private final Clock clock;

    SaleDashboard(EventEditor editor, Catalog catalog, SeatMap seatMap, Takings takings, AdmissionControls line,
            Clock clock) {
        this.editor = editor;
        this.takings = takings;
        this.line = line;
        this.catalog = catalog;
        this.seatMap = seatMap;
        this.clock = clock;
    }

    record GradeFigures(String code, String name, long price, int total, int sold, int held, int available) {

        public int soldPercent() {
            return total == 0 ? 0 : sold * 100 / total;
        }

        public int heldPercent() {
            return total == 0 ? 0 : held * 100 / total;
        }
    }

    /** {@code revenue}: the amounts of the performance's paid orders, after discounts. */
    record PerformanceFigures(UUID performanceId, Instant startsAt, List<GradeFigures> grades, int total, int sold,
            int held, int available, long paidOrders, long revenue) {
    }

    /** {@code queue}: the waiting room's figures, null when the event has none. */
    record Figures(List<PerformanceFigures> performances, int total, int sold, int held, int available, long revenue,
            AdmissionControls.@Nullable LineReport queue, Instant at) {
    }

    @GetMapping("/console/events/{eventId}/dashboard")
    String dashboard(@PathVariable UUID eventId, Model model) {
        Event event = editor.own(eventId);
        model.addAttribute("event", event);
        model.addAttribute("figures", figures(event));
        return "console/dashboard";
    }

    @GetMapping("/console/events/{eventId}/dashboard/live")
    String live(@PathVariable UUID eventId, Model model) {
        Event event = editor.own(eventId);
        model.addAttribute("event", event);
        model.addAttribute("figures", figures(event));
        return "console/dashboard :: live";
    }

    private Figures figures(Event event) {
        Map<UUID, Takings.Paid> paid = takings.ofEvent(event.id());
        List<PerformanceFigures> performances = new ArrayList<>();
        for (Event.Performance performance : event.performances()) {
            PerformanceSale sale = catalog.performance(performance.performanceId())
                    .filter(PerformanceSale::published).orElse(null);
            if (sale == null) {
                continue;
            }
            List<SeatMap.GradeCount> counts = seatMap.availability(sale);
            List<GradeFigures> grades = new ArrayList<>();
            for (Grade grade : event.grades()) {
                SeatMap.GradeCount c = counts.stream().filter(g -> g.code().equals(grade.code())).findFirst()
                        .orElse(new SeatMap.GradeCount(grade.code(), 0, 0, 0, 0));
                grades.add(new GradeFigures(grade.code(), grade.name(), grade.price(), c.total(), c.sold(), c.held(),
                        c.available()));
            }
            Takings.Paid money = paid.getOrDefault(performance.performanceId(), new Takings.Paid(0, 0));
            performances.add(new PerformanceFigures(performance.performanceId(), performance.startsAt(), grades,
                    grades.stream().mapToInt(GradeFigures::total).sum(), grades.stream().mapToInt(GradeFigures::sold).sum(),
                    grades.stream().mapToInt(GradeFigures::held).sum(),
                    grades.stream().mapToInt(GradeFigures::available).sum(), money.orders(), money.amount()));
        }
        return new Figures(performances, performances.stream().mapToInt(PerformanceFigures::total).sum(),
                performances.stream().mapToInt(PerformanceFigures::sold).sum(),
                performances.stream().mapToInt(PerformanceFigures::held).sum(),
                performances.stream().mapToInt(PerformanceFigures::available).sum(),
                performances.stream().mapToLong(PerformanceFigures::revenue).sum(), queue(event), clock.instant());
    }

    private AdmissionControls.@Nullable LineReport queue(Event event) {
        if (!event.queue().enabled() || event.status() != io.ticketrush.catalog.EventStatus.PUBLISHED) {
            return null;
        }
        try {
            return line.report(event.id(), Caller.current());
        } catch (DomainException notRunning) {
            return null;
        }
    }
}
