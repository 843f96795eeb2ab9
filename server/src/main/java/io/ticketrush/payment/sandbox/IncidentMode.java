package io.ticketrush.payment.sandbox;

import java.util.Locale;

/** What the sandbox gateway simulates, set by an operator with {@code PUT /sandbox-pg/v1/incident}. */
public enum IncidentMode {

    /** Business as usual: the test card decides. */
    NONE,
    /** Every server call (confirm, look-up, cancel) answers 500 at once and changes nothing. */
    DOWN,
    /** Every server call is carried out, but its answer is held back (ticketrush.payment.sandbox.incident-delay). */
    SLOW,
    /** Every confirmation is declined by the issuer, whatever the card: an answer, not an outage. */
    DECLINING;

    /** The mode as the API writes it: {@code none}, {@code down}, {@code slow}, {@code declining}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentMode ofApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
