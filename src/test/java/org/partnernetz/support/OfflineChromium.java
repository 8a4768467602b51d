package org.partnernetz.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium for the browser tests that cannot reach anything beyond this machine, so a
 * page that passes is proven to work without internet: host names other than localhost do not
 * resolve, and whatever still tries to leave goes to a proxy that is not there.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without {@code /usr/bin/chromedriver}
 * {@link #assumeInstalled()} skips the test, never passes it. Call it per test (in {@code @BeforeEach},
 * not {@code @BeforeAll}: there a failed assumption hides the tests from the report instead of
 * listing them as skipped).
 */
public final class OfflineChromium {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private OfflineChromium() {
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
    }

    /**
     * Starts the browser with its profile in {@code profile}, its console logged, and, when
     * {@code downloads} is given, files saved there without asking.
     */
    public static ChromeDriver start(Path profile, Path downloads) throws IOException {
        // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());

        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        var options = new ChromeOptions().addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:" + closedPort(),
                "--proxy-bypass-list=<-loopback>;localhost;127.0.0.1");
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        if (downloads != null) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("download.directory_upgrade", true);
            options.setExperimentalOption("prefs", prefs);
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** The address of every resource the page loaded (scripts, styles, images, requests it made). */
    @SuppressWarnings("unchecked")
    public static List<String> resourcesLoaded(ChromeDriver browser) {
        return (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name)");
    }

    /** The console entries at level SEVERE (errors, failed loads) since the last call. */
    public static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** A local port nothing listens on: the browser's proxy, so traffic for elsewhere fails at once. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
