package org.partnernetz.graphiql;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnernetz.support.FullStackTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the hub's GraphiQL page in a real headless Chromium that cannot reach anything beyond this
 * machine, and runs a query with it: proof that the page works, and works without internet.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without {@code /usr/bin/chromedriver}
 * the tests are skipped, never passed.
 */
@FullStackTest
class GraphiqlInBrowserTests {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        // Checked per test, not in @BeforeAll: there a failed assumption hides the tests from the
        // report instead of listing them as skipped.
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
        // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());

        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        var options = new ChromeOptions().addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile,
                // No internet: host names other than localhost do not resolve, and whatever still
                // tries to leave the machine goes to a proxy that is not there.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:" + closedPort(),
                "--proxy-bypass-list=<-loopback>;localhost;127.0.0.1");
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void runsTheQueryFromTheUrl() throws IOException {
        var query = "{ __schema { queryType { name } } }";
        browser.get(hub() + "/graphiql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        var editor = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".graphiql-query-editor .CodeMirror")));
        assertThat(editor.getText()).contains("__schema");
        assertThat(browser.getCurrentUrl()).startsWith(hub() + "/graphiql/?query=");

        browser.findElement(By.cssSelector("button.graphiql-execute-button")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".graphiql-response"), "\"name\": \"Query\""));

        var screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "graphiql.png"), StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors();
    }

    @Test
    void loadsEverythingFromTheHub() {
        browser.get(hub() + "/graphiql/");

        var editor = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".graphiql-query-editor .CodeMirror")));
        assertThat(editor.getText()).contains("regions(first: 5)");
        // GraphiQL asks the hub for the schema as soon as it starts: wait until that answer is in.
        waitFor().until(driver -> resourcesLoaded().stream().anyMatch(url -> url.endsWith("/graphql")));

        assertThat(resourcesLoaded())
                .anyMatch(url -> url.endsWith("/graphiql.min.css"))
                .anyMatch(url -> url.endsWith("/graphiql.min.js"))
                .anyMatch(url -> url.endsWith("/react.production.min.js"))
                .anyMatch(url -> url.endsWith("/react-dom.production.min.js"))
                .allMatch(url -> url.startsWith(hub() + "/"));
        assertNoConsoleErrors();
    }

    @Test
    void showsTheSchemaInTheDocs() {
        browser.get(hub() + "/graphiql/");

        waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Show Documentation Explorer']"))).click();
        // The docs need GraphiQL's introspection query to pass the hub's query limits.
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".graphiql-doc-explorer"), "query: Query"));
        assertNoConsoleErrors();
    }

    private String hub() {
        return "http://localhost:" + port;
    }

    @SuppressWarnings("unchecked")
    private List<String> resourcesLoaded() {
        return (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name)");
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void assertNoConsoleErrors() {
        var errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    /** A local port nothing listens on: the browser's proxy, so traffic for elsewhere fails at once. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
