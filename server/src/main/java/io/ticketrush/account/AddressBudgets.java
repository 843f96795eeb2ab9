package io.ticketrush.account;

import io.github.bucket4j.BucketConfiguration;
import io.ticketrush.account.persistence.AttemptBuckets;
import io.ticketrush.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Log-in and sign-up budgets per client address (Bucket4j in Redis, keys
 * {@code account:throttle:{login:<addr>}:<n>per<s>s} and {@code account:throttle:{signup:<addr>}:<n>per<s>s}). The address
 * is {@code request.getRemoteAddr()}: the socket's peer, or the client a trusted proxy names
 * (server.tomcat.remoteip.*), never a header anyone can send. Over budget → 429 {@code too-many-attempts}.
 */
@Component
class AddressBudgets {

    private final AttemptBuckets buckets;
    private final ThrottleSettings settings;
    private final BucketConfiguration login;
    private final BucketConfiguration signup;
    private final String loginShape;
    private final String signupShape;

    AddressBudgets(AttemptBuckets buckets, ThrottleSettings settings) {
        this.buckets = buckets;
        this.settings = settings;
        this.login = BucketConfiguration.builder().addLimit(limit -> limit.capacity(settings.loginPerAddress())
                .refillGreedy(settings.loginPerAddress(), settings.loginRefill())).build();
        this.signup = BucketConfiguration.builder().addLimit(limit -> limit.capacity(settings.signupPerAddress())
                .refillGreedy(settings.signupPerAddress(), settings.signupRefill())).build();
        // the budget's shape is part of the key: Bucket4j keeps a stored bucket's configuration, so
        // changed settings start fresh buckets instead of applying only once the old ones expire
        this.loginShape = settings.loginPerAddress() + "per" + settings.loginRefill().toSeconds() + "s";
        this.signupShape = settings.signupPerAddress() + "per" + settings.signupRefill().toSeconds() + "s";
    }

    void takeLogin(String address) {
        take("account:throttle:{login:" + address + "}:" + loginShape, login, "log-in");
    }

    void takeSignup(String address) {
        take("account:throttle:{signup:" + address + "}:" + signupShape, signup, "sign-up");
    }

    private void take(String key, BucketConfiguration configuration, String what) {
        if (!settings.enabled()) {
            return;
        }
        buckets.take(key, configuration).ifPresent(seconds -> {
            throw new DomainException(429, "too-many-attempts", "Too many " + what + " attempts from this network address;"
                    + " try again in " + seconds + " s").with("retryAfterSeconds", seconds);
        });
    }
}
