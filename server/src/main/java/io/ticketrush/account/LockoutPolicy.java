package io.ticketrush.account;

import java.time.Duration;

/**
 * How long an account stays locked after failed log-ins: nothing below the threshold, then the base
 * wait doubled for every further failure, never more than the cap. The lock is temporary whatever
 * an attacker does, and it never applies to an address that signed in to the account before
 * (see {@link LoginLockout}).
 */
record LockoutPolicy(int threshold, Duration base, Duration max) {

    static LockoutPolicy of(ThrottleSettings settings) {
        return new LockoutPolicy(settings.lockoutThreshold(), settings.lockoutBase(), settings.lockoutMax());
    }

    Duration waitAfter(long failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        long doublings = failures - threshold;
        if (doublings >= 40) {
            return max;
        }
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
