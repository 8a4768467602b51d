package org.partnernetz.graphiql;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.OfflineChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the hub's GraphiQL page in a real headless Chromium that cannot reach anything beyond this
 * machine, and runs a query with it: proof that the page works, and works without internet.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@link OfflineChromium}); without
 * them the tests are skipped, never passed.
 */
@FullStackTest
class GraphiqlInBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        OfflineChromium.assumeInstalled();
        browser = OfflineChromium.start(profile, null);
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

    private List<String> resourcesLoaded() {
        return OfflineChromium.resourcesLoaded(browser);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void assertNoConsoleErrors() {
        assertThat(OfflineChromium.consoleErrors(browser)).as("errors in the browser console").isEmpty();
    }
}
