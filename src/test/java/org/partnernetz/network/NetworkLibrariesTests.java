package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network view's {@code cytoscape} and {@code graphology} fields, taken as they come over HTTP,
 * load into the real libraries (Cytoscape.js headless and graphology, under Node, from
 * {@code src/test/node}) without glue: the same number of nodes and edges, and the same degree for
 * one node. Skipped where Node or the libraries are missing ({@code .ci/run} installs them with
 * {@code npm ci --prefix src/test/node}).
 */
@FullStackTest
class NetworkLibrariesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPTS = Path.of("src/test/node");

    @LocalServerPort
    int port;

    @Test
    void aViewLoadsIntoCytoscapeAndGraphologyAsItComes() throws Exception {
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/cytoscape"))
                && Files.isDirectory(SCRIPTS.resolve("node_modules/graphology")),
                "npm ci --prefix src/test/node has not been run");
        assumeTrue(nodeRuns(), "no node on the PATH");
        var response = new GraphQlHttp(port).post(null, """
                { network(region: "amr-westfaelisches-ruhrgebiet") {
                    nodes { id degree }
                    edges { id }
                    cytoscape { nodes { data { id label name kind subkind region degree weight start end } }
                                edges { data { id source target type role since until weight basis sources } } }
                    graphology { attributes { name } options { type multi allowSelfLoops }
                                 nodes { key attributes { id label kind region degree } }
                                 edges { key source target attributes { type role since until } } }
                } }""", Map.of());
        assertThat(response.ok()).as(response.text()).isTrue();
        var view = response.body().at("/data/network");
        var cytoscape = Files.createTempFile("cytoscape", ".json");
        var graphology = Files.createTempFile("graphology", ".json");
        Files.writeString(cytoscape, view.at("/cytoscape").toString());
        Files.writeString(graphology, view.at("/graphology").toString());
        var hamm = "Organisation:jobcenter-hamm";
        int hammDegree = -1;
        for (var node : view.at("/nodes")) {
            if (node.at("/id").asString().equals(hamm)) {
                hammDegree = node.at("/degree").asInt();
            }
        }
        assertThat(hammDegree).as("the Jobcenter Hamm is in the view").isPositive();

        var process = new ProcessBuilder("node", "load-network.mjs", cytoscape.toString(), graphology.toString(), hamm)
                .directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        var loaded = JSON.readTree(output);
        int nodes = view.at("/nodes").size();
        int edges = view.at("/edges").size();
        assertThat(loaded.at("/cytoscape/nodes").asInt()).isEqualTo(nodes);
        assertThat(loaded.at("/cytoscape/edges").asInt()).isEqualTo(edges);
        assertThat(loaded.at("/cytoscape/degree").asInt()).isEqualTo(hammDegree);
        assertThat(loaded.at("/graphology/nodes").asInt()).isEqualTo(nodes);
        assertThat(loaded.at("/graphology/edges").asInt()).isEqualTo(edges);
        assertThat(loaded.at("/graphology/type").asString()).isEqualTo("directed");
        assertThat(loaded.at("/graphology/multi").asBoolean()).isTrue();
        assertThat(loaded.at("/graphology/degree").asInt()).isEqualTo(hammDegree);
        Files.delete(cytoscape);
        Files.delete(graphology);
    }

    @Test
    void theExportFilesLoadIntoCytoscapeAndGraphologyAsTheyCome() throws Exception {
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/cytoscape"))
                && Files.isDirectory(SCRIPTS.resolve("node_modules/graphology")),
                "npm ci --prefix src/test/node has not been run");
        assumeTrue(nodeRuns(), "no node on the PATH");
        var cytoscape = Files.createTempFile("cytoscape-export", ".json");
        var graphology = Files.createTempFile("graphology-export", ".json");
        var client = java.net.http.HttpClient.newHttpClient();
        var base = "http://localhost:" + port + "/exports/network.";
        var region = "?region=amr-westfaelisches-ruhrgebiet";
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "cytoscape.json" + region)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(cytoscape));
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "graphology.json" + region)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(graphology));
        var exported = JSON.readTree(Files.readString(cytoscape));
        int nodes = exported.at("/elements/nodes").size();
        int edges = exported.at("/elements/edges").size();
        assertThat(nodes).isPositive();
        assertThat(edges).isPositive();

        var hamm = "Organisation:jobcenter-hamm";
        var process = new ProcessBuilder("node", "load-network.mjs", cytoscape.toString(), graphology.toString(), hamm)
                .directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        var loaded = JSON.readTree(output);
        assertThat(loaded.at("/cytoscape/nodes").asInt()).isEqualTo(nodes);
        assertThat(loaded.at("/cytoscape/edges").asInt()).isEqualTo(edges);
        assertThat(loaded.at("/graphology/nodes").asInt()).isEqualTo(nodes);
        assertThat(loaded.at("/graphology/edges").asInt()).isEqualTo(edges);
        assertThat(loaded.at("/graphology/degree").asInt()).isEqualTo(loaded.at("/cytoscape/degree").asInt()).isPositive();
        Files.delete(cytoscape);
        Files.delete(graphology);
    }

    private static boolean nodeRuns() {
        try {
            var process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
