package org.partnernetz.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.OfflineChromium;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer page at {@code /} in a real headless Chromium that cannot reach anything beyond this
 * machine ({@link OfflineChromium}): a person picks the labour-market region Westfälisches Ruhrgebiet,
 * sees it drawn, clicks a node on the canvas and by keyboard in the list, moves the time slider, opens
 * the map, switches language, downloads an export, and on a phone's width reads it all without
 * scrolling sideways. What the page shows is checked against the hub's own answer to the same query.
 * Screenshots go to {@code target/explorer.png} and {@code target/explorer-phone.png}.
 */
@FullStackTest
class ExplorerInBrowserTests {

    private static final String REGION = "amr-westfaelisches-ruhrgebiet";
    private static final String NETWORK = """
            query($region: String, $asOf: String) {
              network(region: $region, asOf: $asOf, limit: 300) { nodes { id } edges { id } }
            }""";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @TempDir
    Path downloads;

    ChromeDriver browser;

    GraphQlHttp http;

    @BeforeEach
    void startBrowser() throws IOException {
        OfflineChromium.assumeInstalled();
        browser = OfflineChromium.start(profile, downloads);
        http = new GraphQlHttp(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsARegionShowsAClickedNodeAndFollowsTheTimeSliderAndTheMap() throws IOException {
        browser.get(hub() + "/?lang=de");
        pickRegion();
        assertThat(number("return explorer.cy.nodes().length")).isEqualTo(network(null).at("/nodes").size());
        assertThat(text("status")).contains("Westfälisches Ruhrgebiet", "alle Jahre", "Knoten");

        // A click on the canvas, where the node is drawn, shows that node's details and its ties.
        var target = clickableNode();
        clickOnCanvas(target);
        waitFor().until(driver -> text("details").startsWith((String) target.get("name")));
        assertThat(browser.findElement(By.cssSelector("#details h2")).getText()).isEqualTo(target.get("name"));
        assertThat(browser.findElements(By.cssSelector("#details .ties > li"))).hasSize(((Number) target.get("degree")).intValue());
        assertThat(text("details")).contains("Belege:");
        assertThat(browser.findElement(By.cssSelector("#nodes [aria-selected=true]")).getAttribute("data-id"))
                .isEqualTo(target.get("id"));
        // What node(id:) and contents(mentions:) add: the section on content that mentions it.
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#details .mentions h3"),
                "Beiträge, die es erwähnen"));
        browser.executeScript("window.scrollTo(0, 0)");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "explorer.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // Without the mouse: in the list of nodes, Home and the arrow keys move, Enter selects.
        var list = browser.findElement(By.id("nodes"));
        var options = browser.findElements(By.cssSelector("#nodes [role=option]"));
        var clickedFirst = target.get("id").equals(options.get(0).getAttribute("data-id"));
        list.sendKeys(Keys.HOME);
        if (clickedFirst) {
            list.sendKeys(Keys.ARROW_DOWN);
        }
        list.sendKeys(Keys.ENTER);
        var chosen = options.get(clickedFirst ? 1 : 0);
        waitFor().until(driver -> "true".equals(chosen.getAttribute("aria-selected")));
        var chosenId = chosen.getAttribute("data-id");
        var chosenName = (String) browser.executeScript("return explorer.cy.getElementById(arguments[0]).data('name')", chosenId);
        waitFor().until(driver -> text("details").startsWith(chosenName));
        assertThat((Boolean) browser.executeScript("return explorer.cy.getElementById(arguments[0]).selected()", chosenId)).isTrue();
        assertThat(browser.findElements(By.cssSelector("#nodes [aria-selected=true]"))).hasSize(1);

        // The time slider's first step is 2010: the view is asked for anew with asOf and redrawn.
        long drawn = number("return explorer.drawn");
        browser.findElement(By.id("year")).sendKeys(Keys.HOME);
        waitFor().until(driver -> number("return explorer.drawn") > drawn);
        assertThat(browser.executeScript("return explorer.lastVariables.asOf")).isEqualTo("2010");
        var in2010 = network("2010");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "im Jahr 2010"));
        assertThat(number("return explorer.cy.nodes().length")).isEqualTo(in2010.at("/nodes").size());
        assertThat(number("return explorer.cy.edges().length")).isEqualTo(in2010.at("/edges").size())
                .isLessThan(network(null).at("/edges").size());

        // The map: a marker for every node with coordinates, or a note that there are none.
        browser.findElement(By.id("tab-map")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#map .leaflet-control-zoom")));
        var placed = nodesWithCoordinates("2010");
        if (placed > 0) {
            waitFor().until(driver -> browser.findElements(By.cssSelector("#map path.marker")).size() == placed);
            assertThat(text("map-note")).contains(placed + " von");
        } else {
            assertThat(browser.findElements(By.cssSelector("#map path.marker"))).isEmpty();
            assertThat(text("map-note")).containsAnyOf("keine Koordinaten", "kein Ort", "Für keinen Knoten");
        }
        // No base layer is configured here, so no tile was asked for.
        assertThat(browser.findElements(By.cssSelector("#map .leaflet-tile"))).isEmpty();

        assertEverythingCameFromTheHub();
        assertThat(OfflineChromium.consoleErrors(browser)).as("errors in the browser console").isEmpty();
    }

    @Test
    void switchesBetweenGermanAndEnglish() {
        browser.get(hub() + "/?lang=de");
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("h1 [data-i18n=title]"), "Netzwerk-Explorer"));
        assertThat(browser.findElement(By.cssSelector("label[for=scope-choice]")).getText()).isEqualTo("Auswahl");
        pickRegion();

        browser.findElement(By.cssSelector("button.lang[data-lang=en]")).click();
        assertThat(browser.findElement(By.cssSelector("h1 [data-i18n=title]")).getText()).isEqualTo("Network explorer");
        assertThat(browser.findElement(By.cssSelector("label[for=scope-choice]")).getText()).isEqualTo("Selection");
        assertThat(browser.executeScript("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.getCurrentUrl()).endsWith("?lang=en");
        // The region's English name, from the hub, in the status line and the choice box.
        assertThat(text("status")).contains("Westphalian Ruhr labour-market region", "all years", "nodes");
        waitFor().until(driver -> new Select(browser.findElement(By.id("scope-choice"))).getFirstSelectedOption()
                .getText().startsWith("Westphalian Ruhr"));
        assertThat(browser.findElement(By.cssSelector("button.lang[data-lang=en]")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(OfflineChromium.consoleErrors(browser)).as("errors in the browser console").isEmpty();
    }

    @Test
    void downloadsTheGexfOfTheChosenRegion() throws IOException {
        browser.get(hub() + "/?lang=de");
        pickRegion();
        var link = browser.findElement(By.cssSelector("#exports a[data-format=gexf]"));
        assertThat(link.getAttribute("href")).isEqualTo(hub() + "/exports/network.gexf?region=" + REGION);
        link.click();

        var file = new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(
                "a finished download in " + downloads + " (is GET /exports/network.gexf on this hub?)")
                .until(driver -> finishedDownload());
        var content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).contains("<gexf").contains("jobcenter-hamm");
    }

    /** The Cytoscape JSON export of the region, fetched by the page and loaded into the page's own Cytoscape.js. */
    @Test
    @SuppressWarnings("unchecked")
    void theCytoscapeExportLoadsIntoCytoscapeJsInTheBrowser() {
        browser.get(hub() + "/?lang=de");
        waitFor().until(driver -> (Boolean) browser.executeScript("return typeof cytoscape === 'function'"));
        var loaded = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/exports/network.cytoscape.json?region=' + arguments[0])
                  .then(response => response.json())
                  .then(file => {
                    const cy = cytoscape({ headless: true, elements: file.elements });
                    done({ nodes: cy.nodes().length, edges: cy.edges().length,
                           dangling: cy.edges().filter(e => e.source().empty() || e.target().empty()).length });
                  })
                  .catch(error => done({ error: String(error) }));""", REGION);
        assertThat(loaded).doesNotContainKey("error");
        var view = network(null);
        assertThat(((Number) loaded.get("nodes")).intValue()).isEqualTo(view.at("/nodes").size()).isPositive();
        assertThat(((Number) loaded.get("edges")).intValue()).isEqualTo(view.at("/edges").size()).isPositive();
        assertThat(((Number) loaded.get("dangling")).intValue()).isZero();
        assertEverythingCameFromTheHub();
        assertThat(OfflineChromium.consoleErrors(browser)).as("errors in the browser console").isEmpty();
    }

    @Test
    void fitsAPhoneScreen() throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.get(hub() + "/?lang=de");
        pickRegion();
        // Every control is one column wide and nothing needs scrolling sideways.
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        var choice = browser.findElement(By.id("scope-choice")).getRect();
        assertThat(choice.getWidth()).isGreaterThan(300);
        var graph = browser.findElement(By.id("graph")).getRect();
        assertThat(graph.getWidth()).isBetween(300, 390);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "explorer-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(OfflineChromium.consoleErrors(browser)).as("errors in the browser console").isEmpty();
    }

    /** Finds the region through the search box and the choice box, as a person would, and waits for its drawing. */
    private void pickRegion() {
        var filter = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("scope-filter")));
        filter.sendKeys("Westfälisches");
        var choice = browser.findElement(By.id("scope-choice"));
        waitFor().until(driver -> !choice.findElements(By.cssSelector("option[value='" + REGION + "']")).isEmpty());
        // The box is filled anew while the search runs; choose again if the option was replaced meanwhile.
        waitFor().ignoring(StaleElementReferenceException.class).until(driver -> {
            new Select(choice).selectByValue(REGION);
            return true;
        });
        waitFor().until(driver -> number("return explorer.cy ? explorer.cy.nodes().length : 0") > 0);
    }

    /**
     * A node whose drawn disc overlaps no other node's, so a click there can only hit it: its id,
     * name, degree in the view and its position on the canvas.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> clickableNode() {
        browser.executeScript("document.getElementById('graph').scrollIntoView({block: 'start'})");
        var node = (Map<String, Object>) browser.executeScript("""
                const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
                const nodes = explorer.cy.nodes();
                const free = nodes.filter(node => node.degree() > 0 && nodes.every(other => other === node
                    || !overlaps(node.renderedBoundingBox({includeLabels: false}), other.renderedBoundingBox({includeLabels: false}))));
                const node = free.sort((a, b) => a.id() < b.id() ? -1 : 1)[0];
                if (!node) return null;
                const box = explorer.cy.container().getBoundingClientRect();
                return {id: node.id(), name: node.data('name'), degree: node.data('degree'),
                        x: node.renderedPosition('x'), y: node.renderedPosition('y'), width: box.width, height: box.height};
                """);
        assertThat(node).as("a node to click that no other overlaps").isNotNull();
        return node;
    }

    /** Moves the mouse to the node's place on the canvas (offsets count from the container's centre) and clicks. */
    private void clickOnCanvas(Map<String, Object> node) {
        WebElement graph = browser.findElement(By.id("graph"));
        int dx = (int) Math.round(((Number) node.get("x")).doubleValue() - ((Number) node.get("width")).doubleValue() / 2);
        int dy = (int) Math.round(((Number) node.get("y")).doubleValue() - ((Number) node.get("height")).doubleValue() / 2);
        new Actions(browser).moveToElement(graph, dx, dy).pause(Duration.ofMillis(100)).click().perform();
    }

    private void assertEverythingCameFromTheHub() {
        var loaded = new ArrayList<>(OfflineChromium.resourcesLoaded(browser));
        loaded.add(browser.getCurrentUrl());
        assertThat(loaded)
                .anyMatch(url -> url.endsWith("/dist/cytoscape.min.js"))
                .anyMatch(url -> url.endsWith("/dist/leaflet.js"))
                .anyMatch(url -> url.endsWith("/explorer/explorer.js"))
                .anyMatch(url -> url.endsWith("/graphql"))
                .allMatch(url -> url.startsWith(hub() + "/"));
    }

    /** The hub's own answer to the page's question, to check the page against. */
    private JsonNode network(String asOf) {
        var variables = new java.util.HashMap<String, Object>(Map.of("region", REGION));
        if (asOf != null) {
            variables.put("asOf", asOf);
        }
        var response = http.post(null, NETWORK, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/network");
    }

    /** How many nodes of the view have coordinates; 0 while the hub has no such field. */
    private int nodesWithCoordinates(String asOf) {
        var fields = http.post(null, "{ __type(name: \"NetworkNode\") { fields { name } } }", Map.of())
                .body().at("/data/__type/fields");
        var names = new ArrayList<String>();
        fields.forEach(field -> names.add(field.at("/name").asString()));
        if (!names.contains("coordinates")) {
            return 0;
        }
        var response = http.post(null, """
                query($region: String, $asOf: String) {
                  network(region: $region, asOf: $asOf, limit: 300) { nodes { coordinates { latitude longitude } } }
                }""", Map.of("region", REGION, "asOf", asOf));
        var placed = 0;
        for (var node : response.body().at("/data/network/nodes")) {
            if (node.at("/coordinates/latitude").isNumber()) {
                placed++;
            }
        }
        return placed;
    }

    private Path finishedDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            // Chromium writes into a .crdownload file and renames it when the download is complete.
            return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    private String hub() {
        return "http://localhost:" + port;
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
