package io.ticketrush.console.web;

import io.ticketrush.catalog.Venue;
import io.ticketrush.catalog.Venues;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The venue editor: sections, their rows and seats per row, and a preview of the seat map that
 * follows the typing (htmx). Saving creates the venue through {@link Venues}, then opens the
 * event editor for it.
 */
@Controller
@PageFrame
class VenueEditor {

    private final Venues venues;

    VenueEditor(Venues venues) {
        this.venues = venues;
    }

    @GetMapping("/console/venues/new")
    String form(Model model) {
        return page(VenueForm.starter(), model);
    }

    @PostMapping("/console/venues/new")
    String submit(@ModelAttribute("form") VenueForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String op, Model model) {
        if (op.equals("add-section")) {
            form.addSection();
            return page(form, model);
        }
        if (op.startsWith("remove-section-")) {
            Integer index = parse(op.substring("remove-section-".length()));
            if (index != null && index >= 0 && index < form.getSections().size() && form.getSections().size() > 1) {
                form.getSections().remove(index.intValue());
            }
            return page(form, model);
        }
        form.check(result);
        if (result.hasErrors()) {
            return page(form, model);
        }
        try {
            Venue venue = venues.create(form.toPlan(), Caller.current().userId());
            return "redirect:/console/events/new?venue=" + venue.id() + "&venueCreated=" + venue.seatCount();
        } catch (DomainException e) {
            FieldErrorsBinding.bind(e, result, VenueForm::formField);
            return page(form, model);
        }
    }

    @PostMapping("/console/venues/preview")
    String preview(@ModelAttribute("form") VenueForm form, Model model) {
        model.addAttribute("layout", form.preview());
        model.addAttribute("seatCount", form.seatCount());
        return "console/venue :: preview";
    }

    private static String page(VenueForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("layout", form.preview());
        model.addAttribute("seatCount", form.seatCount());
        return "console/venue";
    }

    static @Nullable Integer parse(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
