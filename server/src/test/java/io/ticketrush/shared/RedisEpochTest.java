package io.ticketrush.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that tells a Redis that lost data from a healthy one. */
class RedisEpochTest {

    @Test
    void nothingRecordedIsTheFirstStart() {
        assertThat(RedisEpoch.judge(null, null)).isEqualTo(new RedisEpoch.First(null));
        assertThat(RedisEpoch.judge(null, 4L).needsRepair()).isFalse();
    }

    @Test
    void aMissingMarkerIsALostRedis() {
        assertThat(RedisEpoch.judge(7L, null)).isEqualTo(new RedisEpoch.Lost(7));
        assertThat(RedisEpoch.judge(7L, null).needsRepair()).isTrue();
    }

    @Test
    void aMarkerBehindTheRecordedEpochIsAnOlderCopy() {
        assertThat(RedisEpoch.judge(7L, 6L)).isEqualTo(new RedisEpoch.Older(6, 7));
        assertThat(RedisEpoch.judge(7L, 6L).needsRepair()).isTrue();
    }

    @Test
    void aMarkerAtOrAheadOfTheRecordedEpochIsHealthy() {
        assertThat(RedisEpoch.judge(7L, 7L).needsRepair()).isFalse();
        assertThat(RedisEpoch.judge(7L, 8L)).as("Redis moved on and PostgreSQL has not recorded it yet")
                .isEqualTo(new RedisEpoch.Intact(8, 7));
    }
}
