package io.ticketrush.storefront;

import com.microsoft.playwright.impl.driver.Driver;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Playwright's own Chromium for machines without a system one: {@code playwright install chromium}
 * through the driver bundled in the Playwright jar, once per test JVM. It downloads into Playwright's
 * cache ({@code ~/.cache/ms-playwright}, {@code ~/Library/Caches/ms-playwright} on a Mac) the first
 * time and is a quick check afterwards. {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} set means "already
 * installed, do not download".
 */
final class PlaywrightChromiumDownload {

    private static boolean done;

    private PlaywrightChromiumDownload() {
    }

    static synchronized void ensureInstalled() {
        String skip = System.getenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD");
        if (done || (skip != null && !skip.isBlank())) {
            return;
        }
        ProcessBuilder install = Driver.ensureDriverInstalled(Map.of(), false).createProcessBuilder();
        install.command().addAll(List.of("install", "chromium"));
        install.inheritIO();
        try {
            int exit = install.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Playwright could not install its Chromium (exit " + exit
                        + "); install a Chromium and pass -D" + BrowserChoice.PROPERTY + "=/path/to/chromium");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Playwright could not install its Chromium", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Playwright installed its Chromium", e);
        }
        done = true;
    }
}
