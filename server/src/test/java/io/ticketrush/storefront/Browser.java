package io.ticketrush.storefront;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium for page tests: Debian's {@code /usr/bin/chromium} (override with
 * {@code TICKETRUSH_CHROMIUM}) driven by Playwright, which downloads no browser of its own.
 * Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        Path executable = Path.of(System.getenv().getOrDefault("TICKETRUSH_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": apt-get install -y chromium fonts-noto-cjk (or set TICKETRUSH_CHROMIUM)");
        }
        // Pages refresh on their own (htmx polling every few seconds): give assertions room for a poll or two.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(FLAGS)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A phone (390×844, touch, Korean, Seoul time). */
    public Page phone() {
        return page(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
    }

    /** A laptop screen (1280×900). */
    public Page desktop() {
        return page(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private Page page(com.microsoft.playwright.Browser.NewContextOptions options) {
        BrowserContext context = chromium.newContext(options.setLocale("ko-KR").setTimezoneId("Asia/Seoul"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Saves what the screen shows, from the top of the page, as {@code target/screenshots/<name>.png}. */
    public static void screenshotOfScreen(Page page, String name) {
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        // A viewport as tall as the page, so sticky bars sit where they belong instead of mid-picture.
        var viewport = page.viewportSize();
        int height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        page.setViewportSize(viewport.width, Math.min(Math.max(height, viewport.height), 8000));
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        page.setViewportSize(viewport.width, viewport.height);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
