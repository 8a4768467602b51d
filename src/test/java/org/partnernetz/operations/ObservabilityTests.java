package org.partnernetz.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator gets, over real HTTP: health with liveness and readiness (Neo4j and the seed),
 * Prometheus meters of GraphQL requests, data fetchers and data loaders, the Neo4j driver's pool and the webhook outbox,
 * all on the management port and none on the public one; and a request id in the response and in
 * every GraphQL error.
 */
@FullStackTest
class ObservabilityTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int management;

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
        var readiness = get(management, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"neo4j\"").contains("\"seed\"").contains("\"readinessState\"");
        assertThat(get(management, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        // Some traffic first, so that the request and data fetcher meters exist.
        var answer = new GraphQlHttp(port).post(null, "{ organisations(first: 3) { edges { node { name memberOf { totalCount } } } } }", Map.of());
        assertThat(answer.ok()).as(answer.text()).isTrue();
        var metrics = get(management, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("graphql_request_seconds_count")
                .contains("graphql_datafetcher_seconds_count")
                .contains("graphql_dataloader_seconds_count")
                .contains("partnernetz_webhooks_outbox_pending")
                // The driver's connection pool and its Bolt exchanges.
                .containsPattern("(?m)^db_client_connection_use_time_seconds_count\\{[^}]*db_system_name=\"neo4j\"")
                .containsPattern("(?m)^neo4j_bolt_client_exchange_duration_seconds_count");

        for (var path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/metrics"}) {
            assertThat(get(port, path).statusCode()).as(path + " on the public port").isEqualTo(404);
        }
    }

    @Test
    void everyResponseAndEveryErrorNamesTheRequestId() throws Exception {
        var response = new GraphQlHttp(port).post(null, "{ organisation(slug: \"no-such-organisation\") { name } nosuchfield }", Map.of());
        var id = response.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(response.body().at("/errors/0/extensions/requestId").asString()).isEqualTo(id);

        var proxied = new GraphQlHttp(port).send(null, "{ nosuchfield }", Map.of(), Map.of("X-Request-Id", "edge-4711"));
        assertThat(proxied.header("X-Request-Id")).isEqualTo("edge-4711");
        assertThat(proxied.body().at("/errors/0/extensions/requestId").asString()).isEqualTo("edge-4711");
        var forged = new GraphQlHttp(port).send(null, "{ nosuchfield }", Map.of(), Map.of("X-Request-Id", "a b;c"));
        assertThat(forged.header("X-Request-Id")).as("an id that is not a plain token is replaced").isNotEqualTo("a b;c").isNotBlank();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
