package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.PaymentSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The sandbox's test cards: the card number chooses what the confirmation does. */
public enum TestCard {

    /** {@code 4000-0000-0000-0000}: approved at once. */
    APPROVES("4000000000000000"),
    /** {@code 4000-0000-0000-0002}: declined by the issuer. */
    DECLINES("4000000000000002"),
    /** {@code 4000-0000-0000-0009}: approved, but the first answer stalls until the client times out. */
    TIMES_OUT_ONCE("4000000000000009"),
    /** {@code 4000-0000-0000-0010}: approved after a delay. */
    SLOW("4000000000000010");

    private final String number;

    TestCard(String number) {
        this.number = number;
    }

    /** The test card with this number, written with or without dashes and spaces. */
    public static Optional<TestCard> byNumber(String cardNumber) {
        String digits = cardNumber.replace("-", "").replace(" ", "");
        return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
    }

    public boolean declines() {
        return this == DECLINES;
    }

    /** How long the first answer to an approved confirmation is held back. */
    public Duration delayAfterApproval(PaymentSettings.Sandbox settings) {
        return switch (this) {
            case TIMES_OUT_ONCE -> settings.timeoutCardStall() == null ? Duration.ZERO : settings.timeoutCardStall();
            case SLOW -> settings.slowCardDelay();
            case APPROVES, DECLINES -> Duration.ZERO;
        };
    }

    /** The number as a card receipt shows it: {@code 40000000****000*}. */
    public String maskedNumber() {
        return number.substring(0, 8) + "****" + number.substring(12, 15) + "*";
    }
}
