package io.ticketrush.console.web;

import io.ticketrush.shared.DomainException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/** Puts the catalog's field errors ({@code errors: [{field, message}]}) on the form's fields. */
final class FieldErrorsBinding {

    private FieldErrorsBinding() {
    }

    static void bind(DomainException e, BindingResult result, UnaryOperator<String> toFormField) {
        if (!(e.properties().get("errors") instanceof List<?> errors) || errors.isEmpty()) {
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
}
