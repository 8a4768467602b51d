package org.partnernetz.explorer;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the explorer page at {@code /}: the network of a region, project or organisation drawn,
 * on a map and as downloads, for people who open the hub in a browser rather than a query editor.
 *
 * <p>The page ({@code static/explorer/}) is plain HTML and JavaScript that asks {@code /graphql}
 * like any other client; Cytoscape.js and Leaflet come from the WebJars in the hub's jar, so it
 * works without internet. The one thing the page cannot know by itself is the map's base layer,
 * which {@link #settings()} hands it.
 */
@Controller
class ExplorerController {

    private final ExplorerProperties properties;

    ExplorerController(ExplorerProperties properties) {
        this.properties = properties;
    }

    /** The page's links (scripts, {@code graphql}, the exports) are relative to {@code /}. */
    @GetMapping("/")
    String page() {
        return "forward:/explorer/index.html";
    }

    /** The map's base layer; both fields empty when none is configured. */
    @GetMapping(path = "/explorer/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Settings settings() {
        return new Settings(properties.tileUrl(), properties.tileAttribution());
    }

    /** What the page reads at start, as JSON. */
    record Settings(String tileUrl, String tileAttribution) {
    }
}
