package io.ticketrush.console.web;

import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.Events;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import io.ticketrush.ticket.DoorStaff;
import io.ticketrush.ticket.StaffMember;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organizer's door staff: who may check in their tickets (all events or some), added by email. */
@Controller
@PageFrame
class StaffPage {

    private final DoorStaff staff;
    private final Events events;

    StaffPage(DoorStaff staff, Events events) {
        this.staff = staff;
        this.events = events;
    }

    @GetMapping("/console/staff")
    String page(@RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("done", done);
        return page("", null, model);
    }

    @PostMapping("/console/staff")
    String add(@RequestParam(defaultValue = "") String email,
            @RequestParam(name = "eventIds", required = false) @Nullable List<UUID> eventIds, Model model) {
        if (email.isBlank() || email.length() > 320) {
            return page(email, "error.validation-failed", model);
        }
        try {
            staff.assign(Caller.current().userId(), email, eventIds);
            return "redirect:/console/staff?done=added";
        } catch (DomainException e) {
            return page(email, "error." + e.code(), model);
        }
    }

    @PostMapping("/console/staff/{userId}/remove")
    String remove(@PathVariable UUID userId, Model model) {
        try {
            staff.remove(Caller.current().userId(), userId);
            return "redirect:/console/staff?done=removed";
        } catch (DomainException e) {
            return page("", "error." + e.code(), model);
        }
    }

    private String page(String email, @Nullable String error, Model model) {
        UUID organizer = Caller.current().userId();
        List<Event> own = events.ownedBy(organizer);
        Map<UUID, String> titles = own.stream().collect(Collectors.toMap(Event::id, Event::title, (a, b) -> a));
        List<StaffMember> members = staff.of(organizer);
        model.addAttribute("members", members);
        model.addAttribute("events", own);
        model.addAttribute("titles", titles);
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        return "console/staff";
    }

}
