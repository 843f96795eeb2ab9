package io.ticketrush.ticket.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketCodesTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TicketCodes codes = new TicketCodes(key("the door key, at least 32 bytes long"));
    private final UUID ticketId = UUID.randomUUID();
    private final UUID performanceId = UUID.randomUUID();
    private final String code = codes.sign(ticketId, performanceId);

    @Test
    void aSignedCodeVerifiesToItsTicketAndPerformance() {
        assertThat(code).startsWith("TR1.").hasSize(70).matches("TR1\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{22}");
        assertThat(codes.verify(code)).contains(new TicketCodes.Verified(ticketId, performanceId));
    }

    @Test
    void signingIsDeterministicAndDistinctPerTicket() {
        assertThat(codes.sign(ticketId, performanceId)).isEqualTo(code);
        assertThat(codes.sign(UUID.randomUUID(), performanceId)).isNotEqualTo(code);
        assertThat(codes.sign(ticketId, UUID.randomUUID())).isNotEqualTo(code);
    }

    @Test
    void aTamperedSignatureIsRejected() {
        for (int i = 48; i < code.length(); i++) {
            assertThat(codes.verify(replaceAt(code, i))).as("signature changed at %d", i).isEmpty();
        }
    }

    @Test
    void aTamperedIdIsRejected() {
        for (int i = 4; i < 47; i++) {
            assertThat(codes.verify(replaceAt(code, i))).as("payload changed at %d", i).isEmpty();
        }
    }

    @Test
    void anotherTicketsSignatureDoesNotFitThisTicket() {
        String other = codes.sign(UUID.randomUUID(), performanceId);
        String spliced = code.substring(0, 48) + other.substring(48);
        assertThat(codes.verify(spliced)).isEmpty();
    }

    @Test
    void aCodeSignedWithAnotherKeyIsRejected() {
        TicketCodes otherKey = new TicketCodes(key("another key that is also 32+ bytes"));
        assertThat(otherKey.verify(code)).isEmpty();
        assertThat(codes.verify(otherKey.sign(ticketId, performanceId))).isEmpty();
    }

    @Test
    void aNonCanonicalEncodingOfTheSameBytesIsRejected() {
        char last = code.charAt(code.length() - 1);
        String variant = code.substring(0, code.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
        Base64.Decoder decoder = Base64.getUrlDecoder();
        assertThat(decoder.decode(variant.substring(48))).isEqualTo(decoder.decode(code.substring(48)));
        assertThat(codes.verify(variant)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hello", "TR1..", "TR1.abc.def",
            "TR2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA",
            "TR1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA",
            "TR1.!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!.AAAAAAAAAAAAAAAAAAAAAA",
            "TR1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAxAAAAAAAAAAAAAAAAAAAAAA",
            "https://example.com/not-a-ticket"})
    void garbageIsRejected(String garbage) {
        assertThat(codes.verify(garbage)).isEmpty();
    }

    @Test
    void extraTextAroundAGenuineCodeIsRejected() {
        assertThat(codes.verify(code + "A")).isEmpty();
        assertThat(codes.verify("x" + code)).isEmpty();
        assertThat(codes.verify(code.substring(0, code.length() - 1))).isEmpty();
        assertThat(codes.verify(code.toLowerCase())).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new TicketCodes(key("only 31 bytes long, not enough")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    private static String replaceAt(String text, int index) {
        char current = text.charAt(index);
        char replacement = ALPHABET.charAt((ALPHABET.indexOf(current) + 32) % 64);
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
