package io.ticketrush.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void signsAsRfc4231Says() {
        HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));
        byte[] signature = hmac.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(signature))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void manyThreadsSigningAtOnceGetTheSameAnswerAsOne() throws Exception {
        HmacSha256 hmac = new HmacSha256("a key of thirty-two bytes or so!".getBytes(StandardCharsets.US_ASCII));
        List<byte[]> payloads = IntStream.range(0, 2_000)
                .mapToObj(i -> ("payload " + i).getBytes(StandardCharsets.US_ASCII)).toList();
        List<String> alone = payloads.stream().map(p -> HexFormat.of().formatHex(hmac.sign(p))).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> together = payloads.stream()
                    .map(p -> pool.submit(() -> HexFormat.of().formatHex(hmac.sign(p)))).toList();
            for (int i = 0; i < payloads.size(); i++) {
                assertThat(together.get(i).get()).as("payload %d", i).isEqualTo(alone.get(i));
            }
        }
        assertThat(alone).doesNotHaveDuplicates();
    }
}
