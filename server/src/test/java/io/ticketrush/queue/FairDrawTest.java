package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FairDrawTest {

    @Test
    void theCommitmentIsTheSha256OfTheSeedAndRevealsNothingElse() {
        String seed = "00".repeat(32);
        assertThat(FairDraw.commitment(seed))
                .as("sha256 of 64 ASCII zeros, as `printf %s $SEED | sha256sum` prints it")
                .isEqualTo("60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55");
        String fresh = FairDraw.newSeed();
        assertThat(fresh).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(FairDraw.newSeed());
    }

    @Test
    void theOrderIsAPermutationThatOnlyTheSeedDecides() {
        Map<String, String> entries = new LinkedHashMap<>();
        IntStream.range(0, 200).forEach(i -> entries.put("fan-" + i, "entry-" + i));
        String seed = FairDraw.newSeed();

        List<String> order = FairDraw.order(seed, entries);
        assertThat(order).hasSize(200).containsExactlyInAnyOrderElementsOf(entries.keySet());

        Map<String, String> reversedInsertion = new LinkedHashMap<>();
        new ArrayList<>(entries.keySet()).reversed().forEach(k -> reversedInsertion.put(k, entries.get(k)));
        assertThat(FairDraw.order(seed, reversedInsertion)).as("the order of arrival does not matter").isEqualTo(order);
        assertThat(FairDraw.order(FairDraw.newSeed(), entries)).as("another seed, another order").isNotEqualTo(order);
        assertThat(order).as("not the arrival order").isNotEqualTo(new ArrayList<>(entries.keySet()));

        List<String> ranks = order.stream().map(fan -> FairDraw.rank(seed, entries.get(fan))).toList();
        assertThat(ranks).isSorted();
        assertThat(new HashSet<>(ranks)).hasSize(200);
    }
}
