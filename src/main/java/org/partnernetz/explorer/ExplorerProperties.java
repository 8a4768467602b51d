package org.partnernetz.explorer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code partnernetz.explorer.*}: the base layer of the explorer page's map.
 *
 * <p>Empty by default: the map then shows its markers on a blank background and the page never
 * contacts a tile server. Whoever sets a tile URL chooses the server (their own, or a public one
 * whose terms they accept), and every visitor's browser will load tiles from it.
 *
 * @param tileUrl a Leaflet tile URL template, e.g. {@code https://tiles.example.org/{z}/{x}/{y}.png}
 *     or {@code /tiles/{z}/{x}/{y}.png} for tiles the hub's host serves itself; empty: no base layer
 * @param tileAttribution what the map writes in its corner about the tiles (most tile servers' terms
 *     ask for it), e.g. {@code © OpenStreetMap contributors}; may hold plain text only
 */
@Validated
@ConfigurationProperties("partnernetz.explorer")
record ExplorerProperties(
        @DefaultValue("") @NotNull
        @Pattern(regexp = "|(https?://|/)\\S*\\{z}\\S*", message = "must be empty, or an http(s) URL or a path holding {z}, {x} and {y}")
        String tileUrl,
        @DefaultValue("") @NotNull String tileAttribution) {
}
