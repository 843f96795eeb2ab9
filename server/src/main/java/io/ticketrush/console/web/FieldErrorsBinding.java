package io.ticketrush.console.web;

import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFormats;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * What the console's forms share: reading a date-time field, and putting a module's field errors
 * ({@code errors: [{field, message}]}) on the form. Each form says only where a module's field goes
 * ({@code formField}); the rest is done here.
 */
final class FieldErrorsBinding {

    private FieldErrorsBinding() {
    }

    /** Each field error on the form field {@code toFormField} names; the whole form's error when there are none. */
    static void bind(DomainException e, BindingResult result, UnaryOperator<String> toFormField) {
        List<?> errors = errors(e);
        if (errors.isEmpty()) {
            result.reject("error." + e.code(), e.getMessage());
            return;
        }
        for (Object error : errors) {
            if (error instanceof Map<?, ?> map && map.get("field") instanceof String field) {
                String message = String.valueOf(map.get("message"));
                String formField = toFormField.apply(field);
                try {
                    result.rejectValue(formField, "console.catalog", new Object[] {message}, message);
                } catch (RuntimeException notAField) {
                    result.reject("console.catalog", new Object[] {message}, message);
                }
            }
        }
    }

    /**
     * A {@code datetime-local} field's value as Seoul time; null, with {@code console.invalid.dateTime} on
     * {@code field}, when it is missing or not a date-time.
     */
    static @Nullable Instant seoulInstant(@Nullable String local, String field, Errors errors) {
        try {
            return LocalDateTime.parse(local).atZone(PageFormats.SEOUL).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.rejectValue(field, "console.invalid.dateTime");
            return null;
        }
    }

    /** The first field error's message, for a page without a form to bind to; null when there is none. */
    static @Nullable String firstMessage(DomainException e) {
        List<?> errors = errors(e);
        if (!errors.isEmpty() && errors.getFirst() instanceof Map<?, ?> first && first.get("message") != null) {
            return String.valueOf(first.get("message"));
        }
        return null;
    }

    private static List<?> errors(DomainException e) {
        return e.properties().get("errors") instanceof List<?> errors ? errors : List.of();
    }
}
