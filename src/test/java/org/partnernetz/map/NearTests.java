package org.partnernetz.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code near(...)} and coordinates over HTTP on the curated seed: around Dortmund's point with
 * 30 km, the organisations of Dortmund, Hamm and the Unna district and none of Düsseldorf's; the
 * distances those points give; kinds; and bad arguments classified.
 */
@FullStackTest
class NearTests {

    private static final String NEAR = """
            query($latitude: Float!, $longitude: Float!, $radiusKm: Float!, $kinds: [NearKind!], $first: Int) {
              near(latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, kinds: $kinds, first: $first) {
                entry { id }
                kind distanceKm
                coordinates { latitude longitude basis place }
              }
            }""";

    @LocalServerPort
    int port;

    GraphQlHttp http;

    @BeforeEach
    void client() {
        http = new GraphQlHttp(port);
    }

    @Test
    void aroundDortmundAreTheOrganisationsOfDortmundHammAndUnnaAndNoneOfDuesseldorf() {
        var dortmund = dortmund();
        var found = near(dortmund[0], dortmund[1], 30, null);
        var ids = ids(found);

        assertThat(ids).contains("Organisation:jobcenter-dortmund", "Organisation:ihk-zu-dortmund",
                "Organisation:agentur-fuer-arbeit-hamm", "Organisation:jobcenter-hamm",
                "Organisation:jobcenter-kreis-unna", "Region:dortmund", "Region:hamm", "Region:kreis-unna",
                // The venue of the campaign's regional event lies in Dortmund, and so the event.
                "Region:alte-kaue-zeche-adolph-von-hansemann",
                "Event:regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10");
        assertThat(ids).doesNotContain("Region:duesseldorf", "Organisation:stadt-duesseldorf",
                "Organisation:jobcenter-duesseldorf", "Organisation:mais-nrw");
        // Nearest first: Dortmund's own point is the centre.
        assertThat(found.get(0).at("/entry/id").asString()).isEqualTo("Region:dortmund");
        assertThat(found.get(0).at("/distanceKm").asDouble()).isCloseTo(0.0, within(1e-6));
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).at("/distanceKm").asDouble())
                    .isGreaterThanOrEqualTo(found.get(i - 1).at("/distanceKm").asDouble());
        }

        // Hamm's centre lies about 30 km from Dortmund's (just beyond the radius); the city reaches
        // closer, which is why it counts. Its organisations are placed at its point.
        var hamm = entry(found, "Organisation:jobcenter-hamm");
        assertThat(hamm.at("/distanceKm").asDouble()).isBetween(29.0, 31.5);
        assertThat(hamm.at("/coordinates/basis").asString()).isEqualTo("REGION");
        assertThat(hamm.at("/coordinates/place").asString()).isEqualTo("hamm");
        assertThat(entry(found, "Organisation:jobcenter-kreis-unna").at("/distanceKm").asDouble()).isBetween(14.0, 17.0);
    }

    @Test
    void kindsKeepTheirOwnAndASmallCircleKeepsToTheCity() {
        var dortmund = dortmund();
        var places = near(dortmund[0], dortmund[1], 30, List.of("PLACE"));
        assertThat(places).allSatisfy(row -> assertThat(row.at("/kind").asString()).isEqualTo("PLACE"));
        assertThat(ids(places)).contains("Region:dortmund", "Region:hamm").noneMatch(id -> id.startsWith("Organisation:"));

        // 2 km around Dortmund's centre: Dortmund (which reaches about 9.5 km) and its venue, not Hamm or Unna.
        var close = ids(near(dortmund[0], dortmund[1], 2, List.of("ORGANISATION")));
        assertThat(close).contains("Organisation:jobcenter-dortmund")
                .doesNotContain("Organisation:jobcenter-hamm", "Organisation:jobcenter-kreis-unna");
    }

    @Test
    void regionsAndNetworkNodesShowTheirCoordinates() {
        var region = http.post(null, "{ region(slug: \"hamm\") { coordinates { latitude longitude basis place } areaKm2 } }", Map.of());
        assertThat(region.ok()).as(region.text()).isTrue();
        assertThat(region.body().at("/data/region/coordinates/latitude").asDouble()).isCloseTo(51.67, within(0.05));
        assertThat(region.body().at("/data/region/coordinates/basis").asString()).isEqualTo("OWN");
        assertThat(region.body().at("/data/region/areaKm2").asDouble()).isGreaterThan(100);

        var view = http.post(null, """
                { network(region: "amr-westfaelisches-ruhrgebiet") { nodes { id coordinates { place basis } } } }""", Map.of());
        assertThat(view.ok()).as(view.text()).isTrue();
        var placed = new ArrayList<String>();
        view.body().at("/data/network/nodes").forEach(node -> {
            if (node.at("/id").asString().equals("Organisation:jobcenter-kreis-unna")) {
                placed.add(node.at("/coordinates/place").asString() + " " + node.at("/coordinates/basis").asString());
            }
        });
        assertThat(placed).containsExactly("kreis-unna REGION");
    }

    @Test
    void badArgumentsAreClassified() {
        for (var variables : List.<Map<String, Object>>of(
                Map.of("latitude", 91.0, "longitude", 7.0, "radiusKm", 10.0),
                Map.of("latitude", 51.0, "longitude", 7.0, "radiusKm", 0.0),
                Map.of("latitude", 51.0, "longitude", 7.0, "radiusKm", 500.0),
                Map.of("latitude", 51.0, "longitude", 7.0, "radiusKm", 10.0, "first", 0))) {
            var response = http.post(null, NEAR, variables);
            assertThat(response.classification()).as(variables.toString()).isEqualTo("BAD_REQUEST");
            assertThat(response.text()).doesNotContain("Exception");
        }
    }

    private double[] dortmund() {
        var response = http.post(null, "{ region(slug: \"dortmund\") { coordinates { latitude longitude } } }", Map.of());
        assertThat(response.ok()).as(response.text()).isTrue();
        return new double[] {response.body().at("/data/region/coordinates/latitude").asDouble(),
                response.body().at("/data/region/coordinates/longitude").asDouble()};
    }

    private List<JsonNode> near(double latitude, double longitude, double radiusKm, List<String> kinds) {
        var variables = new java.util.HashMap<String, Object>(Map.of("latitude", latitude, "longitude", longitude,
                "radiusKm", radiusKm, "first", 500));
        if (kinds != null) {
            variables.put("kinds", kinds);
        }
        var response = http.post(null, NEAR, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        var rows = new ArrayList<JsonNode>();
        response.body().at("/data/near").forEach(rows::add);
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.at("/entry/id").asString()).toList();
    }

    private static JsonNode entry(List<JsonNode> rows, String id) {
        return rows.stream().filter(row -> row.at("/entry/id").asString().equals(id)).findFirst().orElseThrow();
    }
}
