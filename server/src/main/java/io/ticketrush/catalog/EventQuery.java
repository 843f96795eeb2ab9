package io.ticketrush.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters and paging of the public event listing. */
public record EventQuery(@Nullable String text, @Nullable Category category, @Nullable Instant from,
        @Nullable Instant to, int page, int size) {
}
