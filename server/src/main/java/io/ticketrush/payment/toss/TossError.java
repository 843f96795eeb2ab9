package io.ticketrush.payment.toss;

import org.jspecify.annotations.Nullable;

/** A Toss Payments error answer: {@code {"code": "REJECT_CARD_PAYMENT", "message": "..."}}. */
record TossError(@Nullable String code, @Nullable String message) {
}
