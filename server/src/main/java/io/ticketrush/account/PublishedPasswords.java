package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.account.persistence.PasswordRows;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * On external stores without demo data (production, also the start after a benchmark that seeded demo
 * accounts there), a demo account that still has its published password (README, {@link DemoAccounts}) gets a random one
 * nobody knows: the account and what it owns stay, the published password opens nothing. Runs at every
 * such start, so what a benchmark seeded is cleaned up at the next start at the latest.
 */
@Component
@ConditionalOnExpression("!${ticketrush.seed.demo-data:false} and !${ticketrush.embedded.enabled:true}")
class PublishedPasswords implements ApplicationRunner {

    /** The accounts and passwords {@link DemoAccounts} seeds, as published in the README. */
    static final Map<String, String> PUBLISHED = Map.of(
            "admin@ticketrush.local", "ticketrush-admin",
            "organizer@ticketrush.local", "ticketrush-organizer",
            "staff@ticketrush.local", "ticketrush-staff",
            "fan@ticketrush.local", "ticketrush-fan");
    private static final Log log = LogFactory.getLog(PublishedPasswords.class);

    private final AccountRows accounts;
    private final PasswordRows passwords;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;

    PublishedPasswords(AccountRows accounts, PasswordRows passwords,
            org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        PUBLISHED.forEach((email, published) -> accounts.findByEmail(email)
                .filter(found -> found.passwordHash() != null && encoder.matches(published, found.passwordHash()))
                .ifPresent(found -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    passwords.replaceHash(found.account().id(), encoder.encode(Base64.getEncoder().encodeToString(random)));
                    log.warn("Retired the published demo password of " + email
                            + " (demo data is off here: a benchmark or a development run seeded it)");
                }));
    }
}
