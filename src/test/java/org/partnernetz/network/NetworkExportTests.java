package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * Network exports over HTTP and the command line, on the curated seed: the network of the
 * labour-market region Westfälisches Ruhrgebiet as GEXF (valid against the official GEXF 1.3 schema,
 * with days for its dynamic timeline) and GraphML (valid against the GraphML schema), the same nodes
 * and edges in the CSV tables and the JSON formats, GeoJSON points, the whole network, and bad
 * selections answered with a status and a classified error before any file begins.
 */
@FullStackTest
class NetworkExportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REGION = "?region=amr-westfaelisches-ruhrgebiet";
    private static final String EVENT = "Event:regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10";

    @LocalServerPort
    int port;

    @Autowired
    NetworkExports exports;

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theRegionsGexfIsValidGexf13WithTheTimesOfItsNodesAndEdges() throws Exception {
        var response = get("/exports/network.gexf" + REGION);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/gexf+xml");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("network-region-amr-westfaelisches-ruhrgebiet.gexf");
        validate(response.body(), "xsd/gexf-1.3/gexf.xsd");

        var document = parse(response.body());
        var graph = (Element) document.getElementsByTagNameNS("http://gexf.net/1.3", "graph").item(0);
        assertThat(graph.getAttribute("mode")).isEqualTo("dynamic");
        assertThat(graph.getAttribute("timeformat")).isEqualTo("date");
        var nodes = elements(document, "http://gexf.net/1.3", "node");
        var event = nodes.stream().filter(node -> node.getAttribute("id").equals(EVENT)).findFirst().orElseThrow();
        assertThat(event.getAttribute("start")).startsWith("2016-");
        assertThat(ids(nodes)).contains("Organisation:jobcenter-hamm", "Organisation:jobcenter-kreis-unna",
                "Organisation:ihk-zu-dortmund").doesNotContain("Organisation:stadt-duesseldorf");
        var edges = elements(document, "http://gexf.net/1.3", "edge");
        assertThat(edges).isNotEmpty().allSatisfy(edge -> assertThat(ids(nodes))
                .contains(edge.getAttribute("source"), edge.getAttribute("target")));
        // The same selection as network(...) draws (which has no more than 500 nodes here).
        var view = JSON.readTree(post("""
                { network(region: "amr-westfaelisches-ruhrgebiet", limit: 2000) { nodeCount edges { id } } }"""));
        assertThat(nodes).hasSize(view.at("/data/network/nodeCount").asInt());
        assertThat(edges).hasSize(view.at("/data/network/edges").size());
    }

    @Test
    void theRegionsGraphmlIsValidGraphmlAndTheCsvTablesHoldTheSame() throws Exception {
        var graphml = get("/exports/network.graphml" + REGION);
        assertThat(graphml.statusCode()).isEqualTo(200);
        validate(graphml.body(), "xsd/graphml-1.0/graphml.xsd");
        var document = parse(graphml.body());
        var nodes = ids(elements(document, "http://graphml.graphdrawing.org/xmlns", "node"));
        var edges = elements(document, "http://graphml.graphdrawing.org/xmlns", "edge").stream()
                .map(edge -> edge.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "data").item(0))
                .map(data -> ((Element) data).getTextContent()).toList();
        assertThat(edges).isNotEmpty().allMatch(id -> id.contains("|"));

        var nodeRows = csv(get("/exports/network.nodes.csv" + REGION).body());
        assertThat(nodeRows.getFirst()).startsWith("id", "label", "name", "kind");
        assertThat(nodeRows.subList(1, nodeRows.size()).stream().map(List::getFirst)).containsExactlyInAnyOrderElementsOf(nodes);
        var edgeRows = csv(get("/exports/network.edges.csv" + REGION).body());
        assertThat(edgeRows.getFirst()).startsWith("id", "source", "target", "type");
        assertThat(edgeRows.subList(1, edgeRows.size()).stream().map(List::getFirst)).containsExactlyInAnyOrderElementsOf(edges);
        var hamm = nodeRows.stream().filter(row -> row.getFirst().equals("Organisation:jobcenter-hamm")).findFirst().orElseThrow();
        assertThat(hamm.get(nodeRows.getFirst().indexOf("coordinatesBasis"))).isEqualTo("REGION");
    }

    @Test
    void theJsonFormatsHoldTheSameNodesAndEdgesAndGeoJsonThePoints() throws Exception {
        var gexfNodes = ids(elements(parse(get("/exports/network.gexf" + REGION).body()), "http://gexf.net/1.3", "node"));

        var cytoscape = JSON.readTree(get("/exports/network.cytoscape.json" + REGION).body());
        var cytoscapeNodes = new HashSet<String>();
        cytoscape.at("/elements/nodes").forEach(node -> cytoscapeNodes.add(node.at("/data/id").asString()));
        assertThat(cytoscapeNodes).isEqualTo(Set.copyOf(gexfNodes));
        assertThat(cytoscape.at("/elements/edges").size()).isPositive();

        var graphology = JSON.readTree(get("/exports/network.graphology.json" + REGION).body());
        assertThat(graphology.at("/options/type").asString()).isEqualTo("directed");
        assertThat(graphology.at("/nodes").size()).isEqualTo(gexfNodes.size());
        assertThat(graphology.at("/edges").size()).isEqualTo(cytoscape.at("/elements/edges").size());

        var geojson = get("/exports/network.geojson" + REGION);
        assertThat(geojson.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        var features = JSON.readTree(geojson.body());
        assertThat(features.at("/type").asString()).isEqualTo("FeatureCollection");
        var byId = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        features.at("/features").forEach(feature -> byId.put(feature.at("/id").asString(), feature));
        var hamm = byId.get("Organisation:jobcenter-hamm");
        assertThat(hamm.at("/geometry/type").asString()).isEqualTo("Point");
        // GeoJSON puts longitude first.
        assertThat(hamm.at("/geometry/coordinates/0").asDouble()).isBetween(7.7, 7.9);
        assertThat(hamm.at("/geometry/coordinates/1").asDouble()).isBetween(51.6, 51.75);
        assertThat(byId.get("Region:kreis-unna").at("/properties/kind").asString()).isEqualTo("PLACE");
        assertThat(byId).doesNotContainKey("Region:duesseldorf");
    }

    @Test
    void theWholeNetworkExportsWithoutASelection() throws Exception {
        var response = get("/exports/network.gexf");
        assertThat(response.statusCode()).isEqualTo(200);
        validate(response.body(), "xsd/gexf-1.3/gexf.xsd");
        var nodes = ids(elements(parse(response.body()), "http://gexf.net/1.3", "node"));
        assertThat(nodes).contains("Organisation:jobcenter-hamm", "Organisation:stadt-duesseldorf", EVENT);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("\"network.gexf\"");
    }

    @Test
    void aBadSelectionGetsAStatusAndAClassifiedError() throws Exception {
        assertError(get("/exports/network.gexf?region=no-such-region"), 404, "NOT_FOUND");
        assertError(get("/exports/network.gexf?region=dortmund&from=2020-13"), 400, "BAD_REQUEST");
        assertError(get("/exports/network.gexf?region=dortmund&project=x"), 400, "BAD_REQUEST");
        assertError(get("/exports/network.gexf?region=dortmund&relationshipTypes=MENTIONS"), 400, "BAD_REQUEST");
        assertError(get("/exports/network.pdf"), 404, "NOT_FOUND");
    }

    @Test
    void theCommandLineOptionWritesTheFileByItsNameAndExits() throws Exception {
        assertThat(context.getBean(NetworkExportOnCommandLine.class)).isNotNull();
        var exits = new ArrayList<Integer>();
        var runner = new NetworkExportOnCommandLine(exports, context) {
            @Override
            void exit(int code) {
                exits.add(code);
            }
        };
        runner.run(new DefaultApplicationArguments("--partnernetz.seed.mode=always"));
        assertThat(exits).as("no export asked for: the hub goes on").isEmpty();

        var file = temp.resolve("ruhr.graphml");
        runner.run(new DefaultApplicationArguments("--partnernetz.network-export=" + file,
                "--partnernetz.network-export.region=amr-westfaelisches-ruhrgebiet",
                "--partnernetz.network-export.to=2015-12-31"));
        assertThat(exits).containsExactly(0);
        var written = Files.readString(file);
        validate(written, "xsd/graphml-1.0/graphml.xsd");
        var nodes = ids(elements(parse(written), "http://graphml.graphdrawing.org/xmlns", "node"));
        // A window before 2016 drops the campaign's regional event of October 2016.
        assertThat(nodes).contains("Organisation:jobcenter-hamm").doesNotContain(EVENT);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String post(String query) throws Exception {
        var body = JSON.writeValueAsString(java.util.Map.of("query", query));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static void assertError(HttpResponse<String> response, int status, String classification) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var body = JSON.readTree(response.body());
        assertThat(body.at("/errors/0/extensions/classification").asString()).isEqualTo(classification);
        assertThat(body.at("/errors/0/message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Validates against an XSD of the test resources; the schema's includes resolve beside it. */
    private static void validate(String xml, String xsd) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(NetworkExportTests.class.getClassLoader().getResource(xsd));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(org.w3c.dom.Document document, String namespace, String name) {
        var list = document.getElementsByTagNameNS(namespace, name);
        var elements = new ArrayList<Element>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private static List<String> ids(List<Element> elements) {
        return elements.stream().map(element -> element.getAttribute("id")).toList();
    }

    private static List<List<String>> csv(String text) throws Exception {
        var rows = new ArrayList<List<String>>();
        for (var record : CSVFormat.RFC4180.parse(new StringReader(text))) {
            rows.add(record.toList());
        }
        return rows;
    }
}
