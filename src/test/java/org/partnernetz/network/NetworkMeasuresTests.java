package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code networkMeasures} on the seed network of all NRW against a reference computed here, from
 * the definitions and without JGraphT: the network is read through {@code network(...)} (its nodes
 * and edges, as one simple undirected graph), then degree, betweenness (every pair's shortest paths
 * counted from breadth-first searches), harmonic closeness and PageRank (power iteration) are
 * worked out and compared to 1e-9; the communities are the same for the same seed, numbered by
 * size, and their modularity is the one the formula gives.
 */
@FullStackTest
class NetworkMeasuresTests {

    private static final String MEASURES = """
            query($seed: Int, $orderBy: NetworkMeasure, $after: String) {
              networkMeasures(region: "nrw", seed: $seed, orderBy: $orderBy, first: 100, after: $after) {
                nodeCount edgeCount truncated communityCount modularity computedAt
                nodes { totalCount pageInfo { hasNextPage endCursor }
                        edges { node { node { id } degree betweenness closeness pageRank community } } }
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
    void centralityEqualsAReferenceComputationAndCommunitiesHoldForASeed() {
        var view = http.post(null, "{ network(region: \"nrw\", limit: 2000) { truncated nodes { id } edges { source target } } }",
                Map.of()).body().at("/data/network");
        assertThat(view.at("/truncated").asBoolean()).isFalse();
        var ids = new ArrayList<String>();
        view.at("/nodes").forEach(node -> ids.add(node.at("/id").asString()));
        int n = ids.size();
        var index = new HashMap<String, Integer>();
        ids.forEach(id -> index.put(id, index.size()));
        var neighbours = new ArrayList<Set<Integer>>();
        ids.forEach(id -> neighbours.add(new HashSet<>()));
        view.at("/edges").forEach(edge -> {
            int a = index.get(edge.at("/source").asString());
            int b = index.get(edge.at("/target").asString());
            if (a != b) {
                neighbours.get(a).add(b);
                neighbours.get(b).add(a);
            }
        });
        int edges = neighbours.stream().mapToInt(Set::size).sum() / 2;
        assertThat(n).as("a network worth measuring").isGreaterThan(50);

        // Distances and numbers of shortest paths from every node.
        var distance = new int[n][n];
        var paths = new double[n][n];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(distance[s], -1);
            distance[s][s] = 0;
            paths[s][s] = 1;
            var queue = new ArrayDeque<Integer>(List.of(s));
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int w : neighbours.get(v)) {
                    if (distance[s][w] < 0) {
                        distance[s][w] = distance[s][v] + 1;
                        queue.add(w);
                    }
                    if (distance[s][w] == distance[s][v] + 1) {
                        paths[s][w] += paths[s][v];
                    }
                }
            }
        }
        var betweenness = new double[n];
        var closeness = new double[n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (t != s && distance[s][t] > 0) {
                    closeness[s] += 1.0 / distance[s][t];
                }
                if (t <= s || distance[s][t] < 0) {
                    continue;
                }
                for (int v = 0; v < n; v++) {
                    if (v != s && v != t && distance[s][v] > 0 && distance[v][t] > 0
                            && distance[s][v] + distance[v][t] == distance[s][t]) {
                        betweenness[v] += paths[s][v] * paths[v][t] / paths[s][t];
                    }
                }
            }
            closeness[s] /= n - 1;
        }
        var rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / n);
        for (int iteration = 0; iteration < 100_000; iteration++) {
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                if (neighbours.get(v).isEmpty()) {
                    dangling += rank[v];
                }
            }
            var next = new double[n];
            double change = 0;
            for (int v = 0; v < n; v++) {
                double in = 0;
                for (int u : neighbours.get(v)) {
                    in += rank[u] / neighbours.get(u).size();
                }
                next[v] = (1 - 0.85) / n + 0.85 * in + 0.85 * dangling / n;
                change = Math.max(change, Math.abs(next[v] - rank[v]));
            }
            rank = next;
            if (change < 1e-15) {
                break;
            }
        }

        var first = measures(7, "PAGE_RANK");
        assertThat(first.nodeCount()).isEqualTo(n);
        assertThat(first.edgeCount()).isEqualTo(edges);
        assertThat(first.rows()).hasSize(n);
        double previous = Double.MAX_VALUE;
        for (var row : first.rows()) {
            int v = index.get(row.at("/node/id").asString());
            var id = ids.get(v);
            assertThat(row.at("/degree").asInt()).as("degree of " + id).isEqualTo(neighbours.get(v).size());
            assertThat(row.at("/betweenness").asDouble()).as("betweenness of " + id).isCloseTo(betweenness[v], within(1e-9));
            assertThat(row.at("/closeness").asDouble()).as("closeness of " + id).isCloseTo(closeness[v], within(1e-9));
            assertThat(row.at("/pageRank").asDouble()).as("PageRank of " + id).isCloseTo(rank[v], within(1e-9));
            assertThat(row.at("/pageRank").asDouble()).as("ordered by PageRank").isLessThanOrEqualTo(previous);
            previous = row.at("/pageRank").asDouble();
        }
        assertThat(java.util.Arrays.stream(betweenness).max().orElseThrow()).as("someone bridges").isPositive();

        // Communities: the same seed, the same communities; numbered by size; modularity by its formula.
        var again = measures(7, "BETWEENNESS");
        assertThat(communities(again.rows())).isEqualTo(communities(first.rows()));
        var community = communities(first.rows());
        var sizes = new HashMap<Integer, Integer>();
        community.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
        assertThat(first.communityCount()).isEqualTo(sizes.size());
        for (int c = 1; c < sizes.size(); c++) {
            assertThat(sizes.get(c)).as("community " + c + " no larger than the one before").isLessThanOrEqualTo(sizes.get(c - 1));
        }
        double modularity = 0;
        var inside = new HashMap<Integer, Double>();
        var degrees = new HashMap<Integer, Double>();
        for (int v = 0; v < n; v++) {
            int c = community.get(ids.get(v));
            degrees.merge(c, (double) neighbours.get(v).size(), Double::sum);
            for (int w : neighbours.get(v)) {
                if (community.get(ids.get(w)) == c) {
                    inside.merge(c, 0.5, Double::sum);
                }
            }
        }
        for (var c : sizes.keySet()) {
            modularity += inside.getOrDefault(c, 0.0) / edges - Math.pow(degrees.get(c) / (2.0 * edges), 2);
        }
        assertThat(first.modularity()).isCloseTo(modularity, within(1e-9));
        assertThat(modularity).as("communities better than none").isGreaterThan(0.3);
    }

    @Test
    void badArgumentsAreClassified() {
        var wrongList = http.post(null, "{ network(region: \"nrw\", limit: 1) { nodes { id } } }", Map.of());
        assertThat(wrongList.ok()).isTrue();
        var page = http.post(null, MEASURES, Map.of("seed", 1, "orderBy", "DEGREE")).body()
                .at("/data/networkMeasures/nodes/pageInfo/endCursor").asString();
        var mixed = http.post(null, MEASURES, Map.of("seed", 1, "orderBy", "PAGE_RANK", "after", page));
        assertThat(mixed.classification()).as("a cursor of another order").isEqualTo("BAD_REQUEST");
        var none = http.post(null, "{ networkMeasures { nodeCount } }", Map.of());
        assertThat(none.classification()).isEqualTo("BAD_REQUEST");
    }

    private record Measured(int nodeCount, int edgeCount, int communityCount, double modularity, List<JsonNode> rows) {
    }

    /** Every node's measures, page after page. */
    private Measured measures(int seed, String orderBy) {
        var rows = new ArrayList<JsonNode>();
        String after = null;
        JsonNode result;
        do {
            var variables = new HashMap<String, Object>(Map.of("seed", seed, "orderBy", orderBy));
            if (after != null) {
                variables.put("after", after);
            }
            var response = http.post(null, MEASURES, variables);
            assertThat(response.ok()).as(response.text()).isTrue();
            result = response.body().at("/data/networkMeasures");
            result.at("/nodes/edges").forEach(edge -> rows.add(edge.at("/node")));
            after = result.at("/nodes/pageInfo/endCursor").asString();
        } while (result.at("/nodes/pageInfo/hasNextPage").asBoolean());
        assertThat(result.at("/nodes/totalCount").asInt()).isEqualTo(rows.size());
        return new Measured(result.at("/nodeCount").asInt(), result.at("/edgeCount").asInt(),
                result.at("/communityCount").asInt(), result.at("/modularity").asDouble(), rows);
    }

    private static Map<String, Integer> communities(List<JsonNode> rows) {
        var communities = new HashMap<String, Integer>();
        rows.forEach(row -> communities.put(row.at("/node/id").asString(), row.at("/community").asInt()));
        return communities;
    }
}
