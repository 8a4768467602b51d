package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * The network measures computed ahead, on the curated seed: every labour-market region gets a run;
 * {@code networkMeasures} of a whole region then answers from it, with the same values and order as
 * a computation at the request; an edit there makes the run stale until the next refresh, which
 * replaces it; and while another instance holds the lease, this one computes nothing.
 */
@FullStackTest
class MeasuresAheadTests {

    private static final String REGION = "amr-westfaelisches-ruhrgebiet";
    private static final String MEASURES = """
            query($region: String!, $orderBy: NetworkMeasure, $first: Int, $after: String, $fresh: Boolean) {
              networkMeasures(region: $region, orderBy: $orderBy, first: $first, after: $after, fresh: $fresh) {
                nodeCount edgeCount communityCount modularity computedAt precomputed current truncated
                nodes { totalCount pageInfo { hasNextPage endCursor }
                        edges { cursor node { node { id } degree betweenness closeness pageRank community } } }
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    MeasuresAhead ahead;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    ApiTokens tokens;

    GraphQlHttp http;

    @BeforeEach
    void client() {
        http = new GraphQlHttp(port);
    }

    @Test
    void aRegionsStoredMeasuresEqualAComputationAtTheRequestAndGoStaleWithAnEdit() {
        ahead.refreshStale();
        assertThat(ahead.stale()).as("every labour-market region has a current run").isEmpty();
        long runs = neo4j.query("MATCH (run:MeasureRun) RETURN count(run)").fetchAs(Long.class).one().orElseThrow();
        long regions = neo4j.query("MATCH (r:Region {type: 'LABOUR_MARKET_REGION'}) RETURN count(r)")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(runs).isEqualTo(regions).isGreaterThan(10);

        for (var orderBy : List.of("PAGE_RANK", "BETWEENNESS", "DEGREE", "CLOSENESS")) {
            var stored = measures(orderBy, false, 100, null);
            var computed = measures(orderBy, true, 100, null);
            assertThat(stored.at("/precomputed").asBoolean()).isTrue();
            assertThat(stored.at("/current").asBoolean()).isTrue();
            assertThat(computed.at("/precomputed").asBoolean()).isFalse();
            assertThat(stored.at("/nodeCount").asInt()).isEqualTo(computed.at("/nodeCount").asInt()).isPositive();
            assertThat(stored.at("/edgeCount").asInt()).isEqualTo(computed.at("/edgeCount").asInt());
            assertThat(stored.at("/communityCount").asInt()).isEqualTo(computed.at("/communityCount").asInt());
            assertThat(stored.at("/modularity").asDouble()).isCloseTo(computed.at("/modularity").asDouble(), within(1e-12));
            var storedNodes = stored.at("/nodes/edges");
            var computedNodes = computed.at("/nodes/edges");
            assertThat(storedNodes.size()).isEqualTo(computedNodes.size()).isEqualTo(Math.min(100, stored.at("/nodeCount").asInt()));
            for (int i = 0; i < storedNodes.size(); i++) {
                var a = storedNodes.get(i);
                var b = computedNodes.get(i);
                assertThat(a.at("/cursor").asString()).as(orderBy + " #" + i).isEqualTo(b.at("/cursor").asString());
                assertThat(a.at("/node/node/id").asString()).isEqualTo(b.at("/node/node/id").asString());
                assertThat(a.at("/node/degree").asInt()).isEqualTo(b.at("/node/degree").asInt());
                for (var measure : List.of("betweenness", "closeness", "pageRank")) {
                    assertThat(a.at("/node/" + measure).asDouble()).isCloseTo(b.at("/node/" + measure).asDouble(), within(1e-12));
                }
                assertThat(a.at("/node/community").asInt()).isEqualTo(b.at("/node/community").asInt());
            }
        }

        // Pages of the stored list follow one another by cursor, as those of a computed list do.
        var first = measures("PAGE_RANK", false, 3, null);
        var second = measures("PAGE_RANK", false, 3, first.at("/nodes/pageInfo/endCursor").asString());
        var whole = measures("PAGE_RANK", false, 6, null);
        var paged = new ArrayList<String>();
        first.at("/nodes/edges").forEach(e -> paged.add(e.at("/node/node/id").asString()));
        second.at("/nodes/edges").forEach(e -> paged.add(e.at("/node/node/id").asString()));
        var together = new ArrayList<String>();
        whole.at("/nodes/edges").forEach(e -> together.add(e.at("/node/node/id").asString()));
        assertThat(paged).hasSize(6).isEqualTo(together);

        // An edit in the region: the run says it is no longer current, and the next refresh replaces it.
        var computedAt = first.at("/computedAt").asString();
        var admin = tokens.createFirstAdmin("measures admin").secret();
        var editor = http.createToken(admin, "measures editor", "EDITOR").secret();
        var added = http.post(editor, """
                mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { id relationship { version } } }""",
                Map.of("input", participation()));
        assertThat(added.ok()).as(added.text()).isTrue();
        assertThat(measures("PAGE_RANK", false, 3, null).at("/current").asBoolean()).isFalse();
        assertThat(ahead.stale()).contains(REGION).doesNotContain("amr-duesseldorf-kreis-mettmann");
        assertThat(ahead.refreshStale()).contains(REGION);
        var after = measures("PAGE_RANK", false, 100, null);
        assertThat(after.at("/current").asBoolean()).isTrue();
        assertThat(after.at("/computedAt").asString()).isGreaterThan(computedAt);
        assertThat(after.at("/edgeCount").asInt()).isGreaterThanOrEqualTo(first.at("/edgeCount").asInt());

        var removed = http.post(editor, """
                mutation($id: ID!, $version: Int!) { removeRelationship(input: {id: $id, version: $version}) { id } }""",
                Map.of("id", added.body().at("/data/addRelationship/id").asString(),
                        "version", added.body().at("/data/addRelationship/relationship/version").asInt()));
        assertThat(removed.ok()).as(removed.text()).isTrue();
        ahead.refreshStale();
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseNothingIsComputed() {
        neo4j.query("""
                MERGE (l:Lease {name: $name})
                SET l.holder = 'another instance', l.until = datetime() + duration('PT10M')""")
                .bind(MeasuresAhead.LEASE).to("name").run();
        neo4j.query("MATCH (run:MeasureRun {scope: $scope}) DETACH DELETE run").bind(REGION).to("scope").run();
        try {
            assertThat(ahead.stale()).contains(REGION);
            assertThat(ahead.refreshStale()).isEmpty();
            assertThat(ahead.stale()).contains(REGION);
        } finally {
            // The other instance's lease runs out: this one takes over.
            neo4j.query("MATCH (l:Lease {name: $name}) SET l.until = datetime() - duration('PT1S')")
                    .bind(MeasuresAhead.LEASE).to("name").run();
        }
        assertThat(ahead.refreshStale()).contains(REGION);
        assertThat(ahead.stale()).doesNotContain(REGION);
    }

    private JsonNode measures(String orderBy, boolean fresh, int first, String after) {
        var variables = new HashMap<String, Object>(Map.of("region", REGION, "orderBy", orderBy, "first", first,
                "fresh", fresh));
        if (after != null) {
            variables.put("after", after);
        }
        var response = http.post(null, MEASURES, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/networkMeasures");
    }

    /** The Federal Employment Agency's Hamm office at the volunteers' day of 2019, which the seed does not say. */
    private static Map<String, Object> participation() {
        var input = new HashMap<String, Object>();
        input.put("type", "PARTICIPATES_IN");
        input.put("from", "agentur-fuer-arbeit-hamm");
        input.put("to", "Event:tag-des-ehrenamtes-2019-06-26");
        input.put("role", "PARTICIPANT");
        input.put("basis", "STATED");
        input.put("sources", List.of("src-whkt-2019-06-26-ehrenamt-bewegt"));
        input.put("comment", "a test of the measures computed ahead");
        return input;
    }
}
