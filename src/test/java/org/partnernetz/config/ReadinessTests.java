package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.partnernetz.PartnernetzApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * Readiness as an orchestrator sees it, on a hub in external mode ({@code NEO4J_URI}, a bolt://
 * address) whose Neo4j is a separate server in this test: while the hub imports the seed it is live
 * but not ready, and GraphQL answers 503 UNAVAILABLE, never an empty list; then ready. When the
 * server stops, readiness goes down (liveness stays up) and a request gets a classified error within
 * seconds, not a hang; when the server comes back on its address, the hub is ready again by itself.
 */
class ReadinessTests {

    private static final String QUERY = "{\"query\":\"{ organisations(first: 1) { totalCount } }\"}";

    @TempDir
    Path serverData;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @Test
    void readinessFollowsTheSeedImportAndTheDatabaseGoingAwayAndComingBack() throws Exception {
        int bolt = freePort();
        var server = neo4j(bolt);
        int port = freePort();
        int management = freePort();
        var starting = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(PartnernetzApplication.class)
                .run("--server.port=" + port, "--server.address=127.0.0.1", "--management.server.port=" + management,
                        "--NEO4J_URI=bolt://127.0.0.1:" + bolt, "--NEO4J_USERNAME=neo4j", "--NEO4J_PASSWORD=unused-without-auth",
                        "--partnernetz.seed.mode=if-empty", "--partnernetz.measures.enabled=false"));
        ConfigurableApplicationContext hub = null;
        try {
            // During the import: live, not ready, and GraphQL refuses with 503 UNAVAILABLE.
            var duringImport = new ArrayList<String>();
            var seen = until(Duration.ofMinutes(3), () -> {
                var readiness = get(management, "/actuator/health/readiness");
                var graphQl = post(port);
                if (readiness != null && readiness.statusCode() == 503 && readiness.body().contains("\"seed\"")
                        && readiness.body().contains("OUT_OF_SERVICE")) {
                    duringImport.add(readiness.body());
                    var liveness = get(management, "/actuator/health/liveness");
                    duringImport.add("liveness " + (liveness == null ? "none" : liveness.statusCode()));
                    duringImport.add("graphql " + (graphQl == null ? "none" : graphQl.statusCode() + " " + graphQl.body()));
                }
                if (graphQl != null) {
                    assertThat(graphQl.body()).as("never an empty answer").doesNotContain("\"totalCount\":0");
                }
                return readiness != null && readiness.statusCode() == 200;
            });
            assertThat(seen).as("ready after the import").isTrue();
            assertThat(duringImport).as("seen while importing").isNotEmpty();
            assertThat(duringImport).anySatisfy(line -> assertThat(line).isEqualTo("liveness 200"));
            assertThat(duringImport).anySatisfy(line -> assertThat(line).startsWith("graphql 503").contains("UNAVAILABLE"));
            hub = starting.join();
            assertThat(hub.getBeansOfType(DatabaseManagementService.class)).as("no database of its own").isEmpty();
            assertThat(post(port).body()).containsPattern("\"totalCount\":[1-9]");
            assertThat(get(port, "/actuator/health")).as("management is not on the public port")
                    .satisfies(response -> assertThat(response.statusCode()).isNotEqualTo(200));

            // The database goes away: not ready, still live; a request fails fast and classified.
            server.shutdown();
            assertThat(until(Duration.ofSeconds(30), () -> status(get(management, "/actuator/health/readiness")) == 503))
                    .as("readiness down while Neo4j is stopped").isTrue();
            assertThat(status(get(management, "/actuator/health/liveness"))).isEqualTo(200);
            long asked = System.nanoTime();
            var failed = post(port);
            var seconds = (System.nanoTime() - asked) / 1e9;
            assertThat(failed).isNotNull();
            assertThat(failed.body()).contains("UNAVAILABLE").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(seconds).as("answered within seconds, not a hang").isLessThan(15);

            // It comes back on the same address: ready again, without a restart of the hub.
            server = neo4j(bolt);
            assertThat(until(Duration.ofSeconds(90), () -> status(get(management, "/actuator/health/readiness")) == 200))
                    .as("ready again after Neo4j restarted").isTrue();
            assertThat(post(port).body()).containsPattern("\"totalCount\":[1-9]");
        } finally {
            if (hub != null) {
                hub.close();
            } else {
                starting.handle((started, failure) -> started).thenAccept(started -> {
                    if (started != null) {
                        started.close();
                    }
                }).join();
            }
            server.shutdown();
        }
    }

    private DatabaseManagementService neo4j(int bolt) {
        return EmbeddedNeo4jConfiguration.start(
                new EmbeddedNeo4jProperties(serverData, bolt, Duration.ofSeconds(30), DataSize.ofMegabytes(32)));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Whether {@code check} came to hold before {@code within} ran out, asking every 100 ms. */
    private static boolean until(Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private HttpResponse<String> get(int port, String path) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build());
    }

    private HttpResponse<String> post(int port) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build());
    }

    /** The response, or null while nothing listens yet. */
    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
