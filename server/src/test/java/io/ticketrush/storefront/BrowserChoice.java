package io.ticketrush.storefront;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which Chromium the page tests drive. A Chromium configured for this machine wins: the system
 * property {@code ticketrush.browser.executable}, else the environment variable
 * {@code TICKETRUSH_BROWSER_EXECUTABLE} (or the older {@code TICKETRUSH_CHROMIUM}); a configured path
 * that is not an executable is an error, not a silent fallback. Without one, Debian's
 * {@code /usr/bin/chromium} if it is there (CI installs it); otherwise Playwright's own Chromium,
 * which Playwright downloads into its cache on first use (unless {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}
 * is set).
 */
sealed interface BrowserChoice {

    String PROPERTY = "ticketrush.browser.executable";
    String ENVIRONMENT = "TICKETRUSH_BROWSER_EXECUTABLE";
    String OLDER_ENVIRONMENT = "TICKETRUSH_CHROMIUM";
    Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    /** A Chromium installed on this machine, driven without downloading anything. */
    record SystemChromium(Path executable) implements BrowserChoice {
    }

    /** The Chromium build Playwright downloads and keeps in its cache. */
    record PlaywrightChromium() implements BrowserChoice {
    }

    /** The choice for this JVM: its system properties, its environment, its file system. */
    static BrowserChoice ofThisMachine() {
        return of(System::getProperty, System::getenv, Files::isExecutable);
    }

    static BrowserChoice of(Function<String, @Nullable String> properties, Function<String, @Nullable String> environment,
            Predicate<Path> isExecutable) {
        String configured = firstSet(properties.apply(PROPERTY), environment.apply(ENVIRONMENT),
                environment.apply(OLDER_ENVIRONMENT));
        if (configured != null) {
            Path executable = Path.of(configured);
            if (!isExecutable.test(executable)) {
                throw new IllegalStateException("The browser configured for the page tests (-D" + PROPERTY + ", "
                        + ENVIRONMENT + " or " + OLDER_ENVIRONMENT + ") is not an executable: " + executable);
            }
            return new SystemChromium(executable);
        }
        return isExecutable.test(DEBIAN_CHROMIUM) ? new SystemChromium(DEBIAN_CHROMIUM) : new PlaywrightChromium();
    }

    private static @Nullable String firstSet(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
