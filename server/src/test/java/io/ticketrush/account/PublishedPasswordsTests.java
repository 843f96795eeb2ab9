package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.account.persistence.PasswordRows;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A demo account left with its published password on stores without demo data (e.g. by a benchmark)
 * has that password retired at the next start; the account stays, other passwords are untouched.
 */
@IntegrationTest
class PublishedPasswordsTests {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    AccountRows accounts;
    @Autowired
    PasswordRows passwords;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void thePublishedDemoPasswordsOpenNothingAfterTheNextStartWithoutDemoData() {
        Api api = new Api(port);
        registration.ensure("admin@ticketrush.local", "ticketrush-admin", "Admin", Set.of(Role.ADMIN, Role.ORGANIZER));
        registration.ensure("fan@ticketrush.local", "a-password-of-their-own", "Fan who changed it", Set.of(Role.FAN));
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "admin@ticketrush.local", "password",
                "ticketrush-admin")).status()).as("as a benchmark left it").isEqualTo(200);

        new PublishedPasswords(accounts, passwords, encoder).run(null); // what the start on external stores runs

        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "admin@ticketrush.local", "password",
                "ticketrush-admin")).status()).isEqualTo(401);
        assertThat(accounts.findByEmail("admin@ticketrush.local")).as("the account stays").isPresent();
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "fan@ticketrush.local", "password",
                "a-password-of-their-own")).status()).as("a password that is not published is kept").isEqualTo(200);
    }
}
