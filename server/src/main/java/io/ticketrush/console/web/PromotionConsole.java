package io.ticketrush.console.web;

import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.Events;
import io.ticketrush.promotion.CampaignPlan;
import io.ticketrush.promotion.CouponCampaigns;
import io.ticketrush.promotion.PresaleBatches;
import io.ticketrush.promotion.Presales;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFormats;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * Coupon campaigns (list with issued and remaining, create) and an event's presale: its window,
 * the batches of access codes and their CSV. Calls the promotion module's classes, the same as
 * {@code /api/v1/coupon-campaigns} and {@code /api/v1/events/{id}/presale}; the CSV is served here
 * too because a page's link carries the session cookie, not a bearer token.
 */
@Controller
@PageFrame
class PromotionConsole {

    private final CouponCampaigns campaigns;
    private final Presales presales;
    private final PresaleBatches batches;
    private final Events events;
    private final EventEditor editor;
    private final Clock clock;

    PromotionConsole(CouponCampaigns campaigns, Presales presales, PresaleBatches batches, Events events,
            EventEditor editor, Clock clock) {
        this.campaigns = campaigns;
        this.presales = presales;
        this.batches = batches;
        this.events = events;
        this.editor = editor;
        this.clock = clock;
    }

    @GetMapping("/console/coupons")
    String coupons(@RequestParam(required = false) @Nullable String created, Model model) {
        model.addAttribute("created", created != null);
        return couponsPage(CampaignForm.starter(clock.instant()), model);
    }

    @PostMapping("/console/coupons")
    String create(@ModelAttribute("form") CampaignForm form, BindingResult result, Model model) {
        CampaignPlan plan = form.toPlan(result);
        if (plan == null || result.hasErrors()) {
            return couponsPage(form, model);
        }
        try {
            campaigns.create(Caller.current(), plan);
            return "redirect:/console/coupons?created";
        } catch (DomainException e) {
            FieldErrorsBinding.bind(e, result, CampaignForm::formField);
            return couponsPage(form, model);
        }
    }

    private String couponsPage(CampaignForm form, Model model) {
        UUID organizer = Caller.current().userId();
        var ownEvents = events.ownedBy(organizer);
        model.addAttribute("form", form);
        model.addAttribute("campaigns", campaigns.ofOrganizer(organizer));
        model.addAttribute("events", ownEvents);
        model.addAttribute("eventTitles", ownEvents.stream().collect(Collectors.toMap(e -> e.id(), e -> e.title(), (a, b) -> a)));
        return "console/coupons";
    }

    @GetMapping("/console/events/{eventId}/presale")
    String presale(@PathVariable UUID eventId, @RequestParam(required = false) @Nullable String done, Model model) {
        Event event = editor.own(eventId);
        return presalePage(event, defaultOpening(event), null, done, model);
    }

    @PostMapping("/console/events/{eventId}/presale")
    String openPresale(@PathVariable UUID eventId, @RequestParam(defaultValue = "") String opensAt, Model model) {
        Event event = editor.own(eventId);
        Instant at;
        try {
            at = LocalDateTime.parse(opensAt).atZone(PageFormats.SEOUL).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return presalePage(event, opensAt, Note.key("console.invalid.dateTime"), null, model);
        }
        try {
            presales.open(eventId, Caller.current().userId(), at);
            return "redirect:/console/events/" + eventId + "/presale?done=window";
        } catch (DomainException e) {
            return presalePage(event, opensAt, fieldMessage(e), null, model);
        }
    }

    @PostMapping("/console/events/{eventId}/presale/codes")
    String generate(@PathVariable UUID eventId, @RequestParam(defaultValue = "0") int count,
            @RequestParam(defaultValue = "1") int usesPerCode, Model model) {
        Event event = editor.own(eventId);
        if (usesPerCode < 1 || usesPerCode > 10_000) {
            model.addAttribute("codesError", Note.key("console.invalid.uses"));
            return presalePage(event, defaultOpening(event), null, null, model);
        }
        try {
            presales.generate(eventId, Caller.current().userId(), count, usesPerCode);
            return "redirect:/console/events/" + eventId + "/presale?done=codes";
        } catch (DomainException e) {
            model.addAttribute("codesError", fieldMessage(e));
            return presalePage(event, defaultOpening(event), null, null, model);
        }
    }

    @GetMapping("/console/events/{eventId}/presale/codes.csv")
    void csv(@PathVariable UUID eventId, HttpServletResponse response) throws IOException {
        editor.own(eventId);
        UUID organizer = Caller.current().userId();
        presales.checkOrganizer(eventId, organizer);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"presale-codes-" + eventId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        presales.writeCsv(eventId, organizer, out);
    }

    /** A message for the page: a message key, or the module's own words for a field. */
    record Note(@Nullable String key, @Nullable String text) {
        static Note key(String key) {
            return new Note(key, null);
        }
    }

    private String presalePage(Event event, String opensAt, @Nullable Note windowError, @Nullable String done,
            Model model) {
        UUID organizer = Caller.current().userId();
        model.addAttribute("event", event);
        model.addAttribute("window", presales.window(event.id()).orElse(null));
        model.addAttribute("opensAt", opensAt);
        model.addAttribute("windowError", windowError);
        model.addAttribute("batches", event.ownedBy(organizer) ? batches.of(event.id(), organizer) : java.util.List.of());
        model.addAttribute("done", done);
        return "console/presale";
    }

    /** A day before the general sale, on the hour, as the form's suggestion. */
    private String defaultOpening(Event event) {
        return presales.window(event.id()).map(w -> w.opensAt()).orElse(event.salesOpenAt().minus(1, ChronoUnit.DAYS))
                .atZone(PageFormats.SEOUL).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The first field message of a validation failure, or the failure's code as a message key. */
    private static Note fieldMessage(DomainException e) {
        String message = FieldErrorsBinding.firstMessage(e);
        return message != null ? new Note(null, message) : Note.key("error." + e.code());
    }
}
