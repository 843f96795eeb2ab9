package io.ticketrush.console.web;

import io.ticketrush.promotion.CampaignPlan;
import io.ticketrush.promotion.Discount;
import io.ticketrush.promotion.DiscountType;
import io.ticketrush.storefront.PageFormats;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The coupon campaign form: what {@code POST /api/v1/coupon-campaigns} takes, with times typed in
 * Korea time. Only the shape of each field is checked here; the campaign's rules (dates in order,
 * limits, the organizer's own event) are the promotion module's, whose field errors land on these fields.
 */
public class CampaignForm {

    private String name = "";
    private String discountType = "FIXED";
    private @Nullable Long discountValue;
    private @Nullable Integer totalQuantity;
    private @Nullable Integer perPersonLimit = 1;
    private String startsAt = "";
    private String endsAt = "";
    private String usableUntil = "";
    private @Nullable Long minOrderAmount = 0L;
    private String eventId = "";

    static CampaignForm starter(Instant now) {
        CampaignForm form = new CampaignForm();
        LocalDateTime local = LocalDateTime.ofInstant(now, PageFormats.SEOUL).truncatedTo(ChronoUnit.MINUTES);
        form.startsAt = local.toString();
        form.endsAt = local.plusDays(7).toString();
        return form;
    }

    /** The form field where the promotion module's error about {@code planField} goes. */
    static String formField(String planField) {
        return planField.equals("discount.value") ? "discountValue" : planField;
    }

    @Nullable CampaignPlan toPlan(Errors errors) {
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.rejectValue("name", "console.invalid.name");
        }
        DiscountType type = null;
        try {
            type = DiscountType.valueOf(discountType);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.rejectValue("discountType", "console.invalid.discountType");
        }
        if (discountValue == null || discountValue < 1 || discountValue > 100_000_000
                || (type == DiscountType.PERCENT && discountValue > 100)) {
            errors.rejectValue("discountValue", type == DiscountType.PERCENT ? "console.invalid.percent" : "console.invalid.amount");
        }
        if (totalQuantity == null || totalQuantity < 1 || totalQuantity > 10_000_000) {
            errors.rejectValue("totalQuantity", "console.invalid.quantity");
        }
        if (perPersonLimit == null || perPersonLimit < 1 || perPersonLimit > 100) {
            errors.rejectValue("perPersonLimit", "console.invalid.perPerson");
        }
        if (minOrderAmount != null && (minOrderAmount < 0 || minOrderAmount > 1_000_000_000)) {
            errors.rejectValue("minOrderAmount", "console.invalid.amount");
        }
        Instant starts = FieldErrorsBinding.seoulInstant(startsAt, "startsAt", errors);
        Instant ends = FieldErrorsBinding.seoulInstant(endsAt, "endsAt", errors);
        Instant usable = usableUntil == null || usableUntil.isBlank()
                ? null
                : FieldErrorsBinding.seoulInstant(usableUntil, "usableUntil", errors);
        UUID event = null;
        if (eventId != null && !eventId.isBlank()) {
            try {
                event = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("eventId", "console.invalid.event");
            }
        }
        if (errors.hasErrors() || type == null || starts == null || ends == null) {
            return null;
        }
        return new CampaignPlan(name.strip(), new Discount(type, discountValue), totalQuantity, perPersonLimit, starts,
                ends, usable, minOrderAmount == null ? 0 : minOrderAmount, event);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDiscountType() {
        return discountType;
    }

    public void setDiscountType(String discountType) {
        this.discountType = discountType;
    }

    public @Nullable Long getDiscountValue() {
        return discountValue;
    }

    public void setDiscountValue(@Nullable Long discountValue) {
        this.discountValue = discountValue;
    }

    public @Nullable Integer getTotalQuantity() {
        return totalQuantity;
    }

    public void setTotalQuantity(@Nullable Integer totalQuantity) {
        this.totalQuantity = totalQuantity;
    }

    public @Nullable Integer getPerPersonLimit() {
        return perPersonLimit;
    }

    public void setPerPersonLimit(@Nullable Integer perPersonLimit) {
        this.perPersonLimit = perPersonLimit;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public String getUsableUntil() {
        return usableUntil;
    }

    public void setUsableUntil(String usableUntil) {
        this.usableUntil = usableUntil;
    }

    public @Nullable Long getMinOrderAmount() {
        return minOrderAmount;
    }

    public void setMinOrderAmount(@Nullable Long minOrderAmount) {
        this.minOrderAmount = minOrderAmount;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }
}
