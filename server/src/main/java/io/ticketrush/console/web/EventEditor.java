package io.ticketrush.console.web;

import io.ticketrush.catalog.Category;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.EventPlan;
import io.ticketrush.catalog.Events;
import io.ticketrush.catalog.Venue;
import io.ticketrush.catalog.Venues;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The event editor: title and category, venue, grades with prices and the sections each covers,
 * performances (회차), sale window, per-person limit and waiting-room settings. Saving stores a
 * draft through {@link Events}; the event page then publishes it.
 */
@Controller
@PageFrame
class EventEditor {

    private final Events events;
    private final Venues venues;
    private final Clock clock;

    EventEditor(Events events, Venues venues, Clock clock) {
        this.events = events;
        this.venues = venues;
        this.clock = clock;
    }

    @GetMapping("/console/events/new")
    String form(@RequestParam(required = false) @Nullable UUID venue,
            @RequestParam(required = false) @Nullable Integer venueCreated, Model model) {
        Venue chosen = venue == null ? null : venues.usable(venue, Caller.current()).orElse(null);
        model.addAttribute("venueCreated", venueCreated);
        return page(EventForm.starter(chosen, clock.instant()), model);
    }

    @PostMapping("/console/events/new")
    String submit(@ModelAttribute("form") EventForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String op, Model model) {
        switch (op) {
            case "add-grade" -> {
                form.addGrade();
                return page(form, model);
            }
            case "add-performance" -> {
                form.addPerformance();
                return page(form, model);
            }
            case "venue" -> {
                return page(form, model);
            }
            default -> {
            }
        }
        if (op.startsWith("remove-grade-")) {
            remove(form.getGrades(), op.substring("remove-grade-".length()));
            return page(form, model);
        }
        if (op.startsWith("remove-performance-")) {
            remove(form.getPerformances(), op.substring("remove-performance-".length()));
            return page(form, model);
        }
        EventPlan plan = form.toPlan(result);
        if (plan == null || result.hasErrors()) {
            return page(form, model);
        }
        try {
            Event event = events.draft(plan, Caller.current().userId());
            return "redirect:/console/events/" + event.id();
        } catch (DomainException e) {
            FieldErrorsBinding.bind(e, result, EventForm::formField);
            return page(form, model);
        }
    }

    @GetMapping("/console/events/{eventId}")
    String event(@PathVariable UUID eventId, Model model) {
        Event event = own(eventId);
        model.addAttribute("event", event);
        model.addAttribute("venue", venues.findOptional(event.venueId()).orElse(null));
        return "console/event";
    }

    @PostMapping("/console/events/{eventId}/publish")
    String publish(@PathVariable UUID eventId) {
        own(eventId);
        events.publish(eventId, Caller.current());
        return "redirect:/console/events/" + eventId + "?published";
    }

    /** The organizer's own event (or any, for an admin); anyone else's does not exist. */
    Event own(UUID eventId) {
        Caller caller = Caller.current();
        Event event = events.find(eventId, Optional.of(caller));
        if (!event.ownedBy(caller.userId()) && !caller.hasRole("ADMIN")) {
            throw DomainException.notFound("unknown-event", "No such event");
        }
        return event;
    }

    private String page(EventForm form, Model model) {
        Venue venue = null;
        try {
            venue = venues.usable(UUID.fromString(form.getVenueId()), Caller.current()).orElse(null);
        } catch (IllegalArgumentException notChosen) {
            // no venue picked yet: no sections to offer
        }
        model.addAttribute("form", form);
        model.addAttribute("venues", venues.usableBy(Caller.current()));
        model.addAttribute("venue", venue);
        model.addAttribute("categories", Category.values());
        return "console/event-form";
    }

    private static void remove(List<?> list, String index) {
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < list.size() && list.size() > 1) {
                list.remove(i);
            }
        } catch (NumberFormatException ignored) {
            // a hand-made request: nothing to remove
        }
    }
}
