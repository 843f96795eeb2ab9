package io.ticketrush.storefront;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium for page tests, driven by Playwright: the one {@link BrowserChoice} picks (a
 * configured or Debian's system Chromium, else Playwright's own download). Screenshots go to
 * {@code target/screenshots}.
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
        return launch(BrowserChoice.ofThisMachine());
    }

    static Browser launch(BrowserChoice choice) {
        // Pages refresh on their own (htmx polling every few seconds): give assertions room for a poll or two.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
        Playwright playwright = switch (choice) {
            // a system Chromium: Playwright must not download one of its own
            case BrowserChoice.SystemChromium system -> {
                options.setExecutablePath(system.executable());
                yield Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            }
            // Playwright's Chromium, downloaded into its cache on first use; Chromium only, where a bare
            // Playwright.create() would fetch Firefox and WebKit too
            case BrowserChoice.PlaywrightChromium own -> {
                PlaywrightChromiumDownload.ensureInstalled();
                yield Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            }
        };
        try {
            return new Browser(playwright, playwright.chromium().launch(options));
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
