package io.ticketrush.ticket.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SigningKeyTests {

    private static final byte[] STORED = "stored development key, 32 bytes".getBytes(StandardCharsets.UTF_8);
    private static final Supplier<byte[]> STORE = () -> STORED;
    private static final Supplier<byte[]> NO_STORE = () -> {
        throw new AssertionError("the development key store must not be used");
    };

    @Test
    void productionWithoutAKeyRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> SigningKey.choose("", true, NO_STORE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ticketrush.ticket.signing-key")
                .hasMessageContaining("TICKETRUSH_TICKET_SIGNING_KEY")
                .hasMessageContaining("production");
        assertThatThrownBy(() -> SigningKey.choose(null, true, NO_STORE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SigningKey.choose("   ", true, NO_STORE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyWinsInEveryProfile() {
        String configured = "a configured key with at least 32 bytes";
        byte[] expected = configured.getBytes(StandardCharsets.UTF_8);
        assertThat(SigningKey.choose(configured, true, NO_STORE)).isEqualTo(expected);
        assertThat(SigningKey.choose(configured, false, NO_STORE)).isEqualTo(expected);
    }

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> SigningKey.choose("short", false, STORE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void developmentWithoutAKeyUsesTheStoredOne() {
        assertThat(SigningKey.choose("", false, STORE)).isEqualTo(STORED);
        assertThat(SigningKey.choose(null, false, STORE)).isEqualTo(STORED);
    }
}
