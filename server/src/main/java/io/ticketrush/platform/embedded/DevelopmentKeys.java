package io.ticketrush.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access-token signing key of the development mode when none is configured: generated once,
 * kept in {@code <data-dir>/keys/jwt-secret} (readable by the owner only), so a restart does not sign
 * everyone out. Ticket codes and admission tokens already keep their development keys in the
 * database under the same data dir.
 */
final class DevelopmentKeys {

    static final String JWT_SECRET = "ticketrush.security.jwt-secret";

    private DevelopmentKeys() {
    }

    /** The key kept under {@code dataDir}, created on first use (48 random bytes, base64: 64 characters). */
    static String jwtSecret(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("keys").resolve("jwt-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII,
                            StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException anotherStartWasFirst) {
                    // keep theirs
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.length() < 32) {
                throw new IllegalStateException(file + " holds no usable key: delete it to make a new one");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the development signing key in " + file, e);
        }
    }
}
