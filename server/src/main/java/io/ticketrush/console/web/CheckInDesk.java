package io.ticketrush.console.web;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import io.ticketrush.ticket.CheckIn;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The door: staff type (or scan into the field) a ticket's code and see at once whether to let
 * the person in. {@link CheckIn} admits a ticket exactly once.
 */
@Controller
@PageFrame
class CheckInDesk {

    private final CheckIn checkIn;
    private final Catalog catalog;

    CheckInDesk(CheckIn checkIn, Catalog catalog) {
        this.checkIn = checkIn;
        this.catalog = catalog;
    }

    /** What the door shows: admitted (with the seat), or refused with the reason's code. */
    record Verdict(boolean admitted, @Nullable String seatId, @Nullable String title, @Nullable Instant checkedInAt,
            @Nullable String code, @Nullable Instant startsAt) {
    }

    @GetMapping("/console/check-in")
    String desk() {
        return "console/check-in";
    }

    @PostMapping("/console/check-in")
    String check(@RequestParam(defaultValue = "") String code,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Verdict verdict;
        if (code.isBlank() || code.length() > 200) {
            verdict = new Verdict(false, null, null, null, "invalid-ticket-code", null);
        } else {
            try {
                CheckIn.Admission admission = checkIn.admit(code, Caller.current());
                String title = catalog.performance(admission.performanceId()).map(s -> s.title()).orElse(null);
                verdict = new Verdict(true, admission.seatId(), title, admission.checkedInAt(), null, null);
            } catch (DomainException e) {
                verdict = new Verdict(false, e.properties().get("seatId") instanceof String s ? s : null, null,
                        instant(e.properties().get("checkedInAt")), e.code(), instant(e.properties().get("startsAt")));
            }
        }
        model.addAttribute("verdict", verdict);
        return htmx != null ? "console/check-in :: verdict" : "console/check-in";
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
