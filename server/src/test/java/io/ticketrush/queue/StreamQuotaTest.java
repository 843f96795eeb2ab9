package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.shared.DomainException;
import io.ticketrush.testing.Race;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamQuotaTest {

    @Test
    void aFanGetsAtMostItsCapOfStreamsEvenWhenTheyAllArriveAtOnceAndGetsOneBackWhenOneEnds() throws Exception {
        StreamQuota quota = new StreamQuota(new StreamCaps(3, 1000));
        UUID fan = UUID.randomUUID();
        List<Runnable> granted = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        Race.run(50, i -> {
            try {
                granted.add(quota.take(fan, "10.0.0." + i));
            } catch (DomainException e) {
                refused.add(e.code());
            }
        });
        assertThat(granted).hasSize(3);
        assertThat(refused).hasSize(47).containsOnly("too-many-streams");
        assertThat(quota.streamsOf(fan)).isEqualTo(3);

        granted.getFirst().run();
        granted.getFirst().run(); // a stream that ends twice (completion, then error) gives back one
        assertThat(quota.streamsOf(fan)).isEqualTo(2);
        quota.take(fan, "10.0.0.99");
        assertThatThrownBy(() -> quota.take(fan, "10.0.0.100")).isInstanceOf(DomainException.class);
    }

    @Test
    void oneAddressGetsAtMostItsCapWhoeverTheFansAre() throws Exception {
        StreamQuota quota = new StreamQuota(new StreamCaps(3, 10));
        List<Runnable> granted = new CopyOnWriteArrayList<>();
        Race.run(40, i -> {
            try {
                granted.add(quota.take(UUID.randomUUID(), "203.0.113.7"));
            } catch (DomainException e) {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.properties()).containsEntry("per", "address").containsEntry("limit", 10);
            }
        });
        assertThat(granted).hasSize(10);
        assertThat(quota.streamsFrom("203.0.113.7")).isEqualTo(10);
        assertThat(quota.take(UUID.randomUUID(), "203.0.113.8")).as("another address is not held back").isNotNull();
        granted.forEach(Runnable::run);
        assertThat(quota.streamsFrom("203.0.113.7")).isZero();
    }
}
