package io.ticketrush.promotion;

import io.ticketrush.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects field errors and fails with one 400 validation-failed listing all of them. */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    FieldErrors check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(Map.of("field", field, "message", message));
        }
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("validation-failed", "The request has invalid fields")
                    .with("errors", List.copyOf(errors));
        }
    }

    static DomainException single(String field, String message) {
        return DomainException.badRequest("validation-failed", "The request has invalid fields")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
