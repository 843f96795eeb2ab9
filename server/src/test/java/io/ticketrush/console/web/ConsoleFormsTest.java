package io.ticketrush.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.catalog.EventPlan;
import io.ticketrush.catalog.Venue;
import io.ticketrush.promotion.CampaignPlan;
import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/** The console's forms turn what an organizer typed into catalog plans, or say which field is wrong. */
class ConsoleFormsTest {

    @Test
    void aSectionTakesRowsTimesSeatsOrOneCountPerRow() {
        VenueForm form = VenueForm.starter();
        form.setName("블루스퀘어");
        form.setAddress("서울");
        form.getSections().getFirst().setName("1층");
        form.getSections().getFirst().setRows(3);
        form.getSections().getFirst().setSeatsPerRow(10);
        form.addSection().setName("2층");
        form.getSections().get(1).setRowSeats("12, 14,16");

        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.check(errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(form.seatCount()).isEqualTo(30 + 42);
        assertThat(form.toPlan().sections().get(1).rows()).extracting(r -> r.seats()).containsExactly(12, 14, 16);
        assertThat(form.getSections().get(1).getCode()).isEqualTo("B");
        assertThat(form.preview().spots()).hasSize(72);
    }

    @Test
    void unusableSeatCountsAndCodesAreFieldErrors() {
        VenueForm form = VenueForm.starter();
        form.setName("홀");
        form.setAddress("서울");
        form.getSections().getFirst().setCode("A-1");
        form.getSections().getFirst().setName("1층");
        form.getSections().getFirst().setRowSeats("10, ten");

        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.check(errors);

        assertThat(errors.getFieldError("sections[0].code")).isNotNull();
        assertThat(errors.getFieldError("sections[0].rowSeats")).isNotNull();
        assertThat(form.preview().spots()).as("the preview leaves the broken section out").isEmpty();
    }

    @Test
    void anEventFormBecomesAPlanInKoreaTime() {
        Venue venue = new Venue(UUID.randomUUID(), "홀", "서울", 100,
                List.of(new Venue.SectionInfo("A", "1층"), new Venue.SectionInfo("B", "2층")), UUID.randomUUID(), false);
        EventForm form = EventForm.starter(venue, Instant.parse("2026-11-22T03:10:00Z"));
        form.setTitle("뮤지컬");

        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        EventPlan plan = form.toPlan(errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(plan).isNotNull();
        assertThat(plan.salesOpenAt()).as("next full hour in Seoul").isEqualTo(Instant.parse("2026-11-22T04:00:00Z"));
        assertThat(plan.performances()).containsExactly(Instant.parse("2026-12-22T10:00:00Z"));
        assertThat(plan.grades()).extracting(g -> g.code() + ":" + g.sections()).containsExactly("VIP:[A]", "R:[B]");
    }

    @Test
    void aGradeWithoutSectionsAndAnUnreadableTimeAreFieldErrors() {
        EventForm form = EventForm.starter(null, Instant.parse("2026-11-22T03:10:00Z"));
        form.setTitle("공연");
        form.setVenueId(UUID.randomUUID().toString());
        form.getPerformances().set(0, "next friday");

        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        assertThat(form.toPlan(errors)).isNull();
        assertThat(errors.getFieldError("grades[0].sections")).isNotNull();
        assertThat(errors.getFieldError("performances[0]")).isNotNull();
    }

    @Test
    void aCampaignFormReadsSeoulTimesAndMarksAnUnreadableOne() {
        CampaignForm form = new CampaignForm();
        form.setName("오픈 기념");
        form.setDiscountType("FIXED");
        form.setDiscountValue(5_000L);
        form.setTotalQuantity(100);
        form.setPerPersonLimit(1);
        form.setStartsAt("2026-12-01T20:00");
        form.setEndsAt("2026-12-02T20:00");

        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        CampaignPlan plan = form.toPlan(errors);
        assertThat(errors.getAllErrors()).isEmpty();
        assertThat(plan).isNotNull();
        assertThat(plan.startsAt()).as("20:00 in Seoul").isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(plan.usableUntil()).isNull();

        form.setUsableUntil("whenever");
        BeanPropertyBindingResult unreadable = new BeanPropertyBindingResult(form, "form");
        assertThat(form.toPlan(unreadable)).isNull();
        assertThat(unreadable.getFieldError("usableUntil").getCode()).isEqualTo("console.invalid.dateTime");
    }

    @Test
    void eachFormPutsTheModulesFieldErrorsOnItsOwnFields() {
        EventForm event = EventForm.starter(null, Instant.parse("2026-11-22T03:10:00Z"));
        BeanPropertyBindingResult eventErrors = new BeanPropertyBindingResult(event, "form");
        FieldErrorsBinding.bind(invalid("performances[0].startsAt", "must follow the sale", "title", "too long"),
                eventErrors, EventForm::formField);
        assertThat(eventErrors.getFieldError("performances[0]").getDefaultMessage()).isEqualTo("must follow the sale");
        assertThat(eventErrors.getFieldError("title").getDefaultMessage()).isEqualTo("too long");

        VenueForm venue = VenueForm.starter();
        BeanPropertyBindingResult venueErrors = new BeanPropertyBindingResult(venue, "form");
        FieldErrorsBinding.bind(invalid("sections[0].rows[3].seats", "too many seats"), venueErrors, VenueForm::formField);
        assertThat(venueErrors.getFieldError("sections[0].rows").getDefaultMessage()).isEqualTo("too many seats");

        CampaignForm campaign = CampaignForm.starter(Instant.parse("2026-11-22T03:10:00Z"));
        BeanPropertyBindingResult campaignErrors = new BeanPropertyBindingResult(campaign, "form");
        FieldErrorsBinding.bind(invalid("discount.value", "at most 100", "nonsense", "not a form field"),
                campaignErrors, CampaignForm::formField);
        assertThat(campaignErrors.getFieldError("discountValue").getDefaultMessage()).isEqualTo("at most 100");
        assertThat(campaignErrors.getGlobalErrors()).as("a field the form lacks becomes the form's error")
                .extracting(e -> e.getDefaultMessage()).containsExactly("not a form field");
    }

    @Test
    void aFailureWithoutFieldErrorsIsTheWholeFormsError() {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(VenueForm.starter(), "form");
        DomainException conflict = DomainException.conflict("venue-name-taken", "Name taken");

        FieldErrorsBinding.bind(conflict, errors, VenueForm::formField);

        assertThat(errors.getFieldErrorCount()).isZero();
        assertThat(errors.getGlobalError().getCode()).isEqualTo("error.venue-name-taken");
        assertThat(FieldErrorsBinding.firstMessage(conflict)).isNull();
        assertThat(FieldErrorsBinding.firstMessage(invalid("opensAt", "too late", "x", "second"))).isEqualTo("too late");
    }

    private static DomainException invalid(String... fieldsAndMessages) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            errors.add(Map.of("field", fieldsAndMessages[i], "message", fieldsAndMessages[i + 1]));
        }
        return DomainException.badRequest("validation-failed", "Invalid").with("errors", errors);
    }
}
