package io.ticketrush.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theDevelopmentSigningKeyIsMadeOnceAndKeptUnderTheDataDirForTheOwnerOnly() throws Exception {
        String first = DevelopmentKeys.jwtSecret(dataDir);
        String again = DevelopmentKeys.jwtSecret(dataDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again);
        Path file = dataDir.resolve("keys/jwt-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DevelopmentKeys.jwtSecret(Files.createDirectories(dataDir.resolve("other")))).isNotEqualTo(first);
    }

    @Test
    void theDevelopmentModeSignsWithTheKeptKeyUnlessOneIsConfigured() {
        MockEnvironment restart = new MockEnvironment().withProperty("ticketrush.security.jwt-secret", "");
        EmbeddedInfrastructurePostProcessor.keepDevelopmentKeys(restart, dataDir);
        MockEnvironment again = new MockEnvironment().withProperty("ticketrush.security.jwt-secret", "");
        EmbeddedInfrastructurePostProcessor.keepDevelopmentKeys(again, dataDir);
        assertThat(restart.getProperty("ticketrush.security.jwt-secret")).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(again.getProperty("ticketrush.security.jwt-secret"));

        MockEnvironment configured = new MockEnvironment().withProperty("ticketrush.security.jwt-secret",
                "configured-secret-configured-secret-0123");
        EmbeddedInfrastructurePostProcessor.keepDevelopmentKeys(configured, dataDir);
        assertThat(configured.getProperty("ticketrush.security.jwt-secret")).isEqualTo("configured-secret-configured-secret-0123");
    }
}
