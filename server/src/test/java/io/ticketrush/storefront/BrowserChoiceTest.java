package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which Chromium the page tests drive, on machines described by their settings and files. */
class BrowserChoiceTest {

    private static final Path OWN = Path.of("/opt/chrome/chrome");

    @Test
    void aFreshMachineUsesPlaywrightsOwnChromium() {
        assertThat(choose(Map.of(), Map.of(), Set.of())).isEqualTo(new BrowserChoice.PlaywrightChromium());
    }

    @Test
    void debiansChromiumIsUsedWhenItIsInstalled() {
        assertThat(choose(Map.of(), Map.of(), Set.of(BrowserChoice.DEBIAN_CHROMIUM)))
                .isEqualTo(new BrowserChoice.SystemChromium(BrowserChoice.DEBIAN_CHROMIUM));
    }

    @Test
    void aConfiguredChromiumWinsOverDebians() {
        Set<Path> both = Set.of(OWN, BrowserChoice.DEBIAN_CHROMIUM);
        BrowserChoice.SystemChromium expected = new BrowserChoice.SystemChromium(OWN);

        assertThat(choose(Map.of(BrowserChoice.PROPERTY, OWN.toString()), Map.of(), both)).isEqualTo(expected);
        assertThat(choose(Map.of(), Map.of(BrowserChoice.ENVIRONMENT, OWN.toString()), both)).isEqualTo(expected);
        assertThat(choose(Map.of(), Map.of(BrowserChoice.OLDER_ENVIRONMENT, OWN.toString()), both)).isEqualTo(expected);
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        Path other = Path.of("/usr/local/bin/chromium");
        assertThat(choose(Map.of(BrowserChoice.PROPERTY, OWN.toString()),
                Map.of(BrowserChoice.ENVIRONMENT, other.toString()), Set.of(OWN, other)))
                .isEqualTo(new BrowserChoice.SystemChromium(OWN));
    }

    @Test
    void aBlankSettingCountsAsUnset() {
        assertThat(choose(Map.of(BrowserChoice.PROPERTY, " "), Map.of(BrowserChoice.ENVIRONMENT, ""), Set.of()))
                .isEqualTo(new BrowserChoice.PlaywrightChromium());
    }

    @Test
    void aConfiguredPathThatIsNoExecutableIsAnErrorNotAFallback() {
        assertThatIllegalStateException()
                .isThrownBy(() -> choose(Map.of(BrowserChoice.PROPERTY, OWN.toString()), Map.of(),
                        Set.of(BrowserChoice.DEBIAN_CHROMIUM)))
                .withMessageContaining(OWN.toString());
    }

    /** The system path for real, where this machine has Debian's Chromium (CI does). */
    @Test
    void theSystemChromiumOpensAPage() {
        assumeTrue(Files.isExecutable(BrowserChoice.DEBIAN_CHROMIUM), "no /usr/bin/chromium on this machine");
        try (Browser browser = Browser.launch(new BrowserChoice.SystemChromium(BrowserChoice.DEBIAN_CHROMIUM))) {
            Page page = browser.desktop();
            page.setContent("<h1>티켓러시</h1>");
            assertThat(page.textContent("h1")).isEqualTo("티켓러시");
        }
    }

    private static BrowserChoice choose(Map<String, String> properties, Map<String, String> environment,
            Set<Path> executables) {
        Predicate<Path> isExecutable = executables::contains;
        return BrowserChoice.of(properties::get, environment::get, isExecutable);
    }
}
