package io.ticketrush.console.web;

import io.ticketrush.catalog.Events;
import io.ticketrush.catalog.Venues;
import io.ticketrush.shared.Caller;
import io.ticketrush.storefront.PageFrame;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: the organizer's events and the venues to build new ones in. */
@Controller
@PageFrame
class ConsoleHome {

    private final Events events;
    private final Venues venues;

    ConsoleHome(Events events, Venues venues) {
        this.events = events;
        this.venues = venues;
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("events", events.ownedBy(Caller.current().userId()));
        model.addAttribute("venues", venues.usableBy(Caller.current()));
        return "console/home";
    }
}
