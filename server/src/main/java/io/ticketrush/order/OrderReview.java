package io.ticketrush.order;

import org.jspecify.annotations.Nullable;

/** An order whose payment the reconciler gave up on (MANUAL_REVIEW), why, and after how many tries. */
public record OrderReview(Order order, @Nullable String note, int attempts) {
}
