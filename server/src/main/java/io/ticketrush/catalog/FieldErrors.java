package io.ticketrush.catalog;

import io.ticketrush.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects field errors and fails with one 400 validation-failed listing all of them. */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("validation-failed", "The request has invalid fields")
                    .with("errors", List.copyOf(errors));
        }
    }
}
