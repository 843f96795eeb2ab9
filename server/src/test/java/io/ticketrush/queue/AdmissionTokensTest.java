package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdmissionTokensTest {

    final AdmissionTokens tokens = new AdmissionTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    final UUID event = UUID.randomUUID();
    final UUID fan = UUID.randomUUID();
    final Instant admitted = Instant.parse("2026-12-01T11:00:00Z");
    final AdmissionToken content = new AdmissionToken(event, fan, admitted, admitted.plusSeconds(180), admitted.plusSeconds(510));

    @Test
    void aGenuineTokenIsReadBackForItsFanAndEvent() {
        String token = tokens.issue(content);
        assertThat(tokens.verify(token, event, fan, admitted.plusSeconds(60))).isEqualTo(content);
        assertThat(tokens.issue(content)).as("the same admission, the same token").isEqualTo(token);
    }

    @Test
    void everyOtherTokenIsRefusedWithItsReason() {
        String token = tokens.issue(content);
        Instant now = admitted.plusSeconds(60);
        assertReason(() -> tokens.verify(null, event, fan, now), "missing");
        assertReason(() -> tokens.verify("", event, fan, now), "missing");
        assertReason(() -> tokens.verify("garbage", event, fan, now), "invalid");
        assertReason(() -> tokens.verify(token + "x", event, fan, now), "invalid");
        assertReason(() -> tokens.verify(flipLast(token), event, fan, now), "invalid");
        String signature = token.substring(token.indexOf('.'));
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1|" + event + "|" + UUID.randomUUID() + "|1|2|99999999999999").getBytes(StandardCharsets.UTF_8));
        assertReason(() -> tokens.verify(otherPayload + signature, event, fan, now), "invalid");
        String signedElsewhere = new AdmissionTokens("z".repeat(32).getBytes(StandardCharsets.UTF_8)).issue(content);
        assertReason(() -> tokens.verify(signedElsewhere, event, fan, now), "invalid");
        assertReason(() -> tokens.verify(token, event, UUID.randomUUID(), now), "other-fan");
        assertReason(() -> tokens.verify(token, UUID.randomUUID(), fan, now), "other-event");
        assertReason(() -> tokens.verify(token, event, fan, content.expiresAt()), "expired");
    }

    @Test
    void aTokenHasOneSpellingOnly() {
        for (int i = 0; i < 40; i++) {
            String token = tokens.issue(new AdmissionToken(event, fan, admitted.plusMillis(i), content.holdBy(), content.expiresAt()));
            // the last base64 character also carries unused bits: a different character may decode to the same bytes
            assertReason(() -> tokens.verify(flipLast(token), event, fan, admitted), "invalid");
        }
    }

    private static String flipLast(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("admission-required");
            assertThat(e.properties()).containsEntry("reason", reason);
        });
    }
}
