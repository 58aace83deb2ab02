package com.ambiosys.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** What the browser tests share: Debian's headless Chromium, axe-core's check, and the screenshots for the docs. */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    /** Under target/ (Surefire's working directory); copied into docs/screenshots by hand. */
    public static final Path SCREENSHOTS = Path.of("screenshots");

    private Chromium() {
    }

    /** Playwright on Debian's Chromium; test classes that use it are guarded by {@link BrowserRequired}. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /**
     * Runs axe-core (from the web application's dev dependencies) and fails on serious or critical
     * violations. The page's context must bypass the Content-Security-Policy, which refuses the injected script.
     */
    @SuppressWarnings("unchecked")
    public static void assertAccessible(Page page, String screen) throws IOException {
        Path axe = Path.of("..", "..", "web", "node_modules", "axe-core", "axe.min.js").toAbsolutePath().normalize();
        assertThat(axe).as("axe-core in web/node_modules (npm ci in web/)").exists();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(axe)));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))
                """);
        assertThat(violations).as("accessibility of " + screen).isEmpty();
    }

    /**
     * Records the page's console errors and uncaught exceptions, and every response of 400 or more (to say
     * which request a console error is about).
     */
    public static void recordErrors(Page page, List<String> consoleErrors, List<String> failedResponses) {
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failedResponses.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
    }

    public static void screenshot(Page page, String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }
}
