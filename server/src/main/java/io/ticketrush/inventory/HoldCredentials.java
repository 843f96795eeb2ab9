package io.ticketrush.inventory;

import org.jspecify.annotations.Nullable;

/** What a fan presents with a hold besides their access token: waiting-room admission, presale code. */
public record HoldCredentials(@Nullable String admissionToken, @Nullable String accessCode) {

    public static final HoldCredentials NONE = new HoldCredentials(null, null);
}
