package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code network(...)} over HTTP on the curated seed: the network of the labour-market region
 * Westfälisches Ruhrgebiet with the facts the documents give it, its edges only among its nodes,
 * the Cytoscape.js and graphology shapes holding the same, a window before 2016 dropping the
 * campaign's regional event, a project's and an organisation's surroundings, the node limit, the
 * shortest path between two organisations named in different documents, and bad arguments
 * classified.
 */
@FullStackTest
class NetworkViewTests {

    private static final String NETWORK = """
            query($region: String, $project: String, $organisation: String, $depth: Int, $kinds: [NetworkNodeKind!],
                  $relationshipTypes: [RelationshipType!], $from: String, $to: String, $asOf: String, $limit: Int) {
              network(region: $region, project: $project, organisation: $organisation, depth: $depth, kinds: $kinds,
                      relationshipTypes: $relationshipTypes, from: $from, to: $to, asOf: $asOf, limit: $limit) {
                nodeCount truncated limit
                nodes { id label name kind subkind region degree weight start end }
                edges { id source target type role since until weight basis sources }
                cytoscape { nodes { data { id label } } edges { data { id source target type } } }
                graphology { attributes { name } options { type multi allowSelfLoops }
                             nodes { key attributes { label kind } } edges { key source target attributes { type } } }
              }
            }""";
    private static final String EVENT = "Event:regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10";

    @LocalServerPort
    int port;

    GraphQlHttp http;

    @BeforeEach
    void client() {
        http = new GraphQlHttp(port);
    }

    @Test
    void aLabourMarketRegionsNetworkHasItsActorsAndTheirTiesInEveryShape() {
        var view = network(Map.of("region", "amr-westfaelisches-ruhrgebiet"));
        var ids = ids(view.at("/nodes"));
        // Located in Dortmund, Hamm or the Unna district, or active in the region itself.
        assertThat(ids).contains("Organisation:jobcenter-dortmund", "Organisation:jobcenter-hamm",
                "Organisation:jobcenter-kreis-unna", "Organisation:ihk-zu-dortmund", EVENT)
                .doesNotContain("Organisation:jobcenter-duesseldorf");
        assertThat(view.at("/nodeCount").asInt()).isEqualTo(ids.size());
        assertThat(view.at("/truncated").asBoolean()).isFalse();
        assertThat(view.at("/limit").asInt()).isEqualTo(500);

        var edges = view.at("/edges");
        assertThat(edges.size()).isGreaterThan(5);
        var degree = new HashMap<String, Integer>();
        for (var edge : edges) {
            assertThat(ids).as("both ends of " + edge).contains(edge.at("/source").asString(), edge.at("/target").asString());
            assertThat(edge.at("/type").asString()).isNotIn("LOCATED_IN", "ACTIVE_IN", "PRESENTS", "MENTIONS");
            degree.merge(edge.at("/source").asString(), 1, Integer::sum);
            degree.merge(edge.at("/target").asString(), 1, Integer::sum);
        }
        // The regional event's participants, as the press release names them, each with its document.
        var participation = find(edges, "Organisation:jobcenter-hamm", EVENT);
        assertThat(participation.at("/type").asString()).isEqualTo("PARTICIPATES_IN");
        assertThat(participation.at("/role").asString()).isEqualTo("PARTICIPANT");
        assertThat(participation.at("/sources").size()).isPositive();
        assertThat(participation.at("/sources/0").asString()).startsWith("Source:");
        for (var node : view.at("/nodes")) {
            assertThat(node.at("/degree").asInt()).as(node.at("/id").asString())
                    .isEqualTo(degree.getOrDefault(node.at("/id").asString(), 0));
        }
        var hamm = node(view, "Organisation:jobcenter-hamm");
        assertThat(hamm.at("/kind").asString()).isEqualTo("ORGANISATION");
        assertThat(hamm.at("/region").asString()).isEqualTo("hamm");
        assertThat(node(view, EVENT).at("/kind").asString()).isEqualTo("EVENT");

        // The same nodes and edges, in the same order, in the libraries' shapes.
        assertThat(ids(view.at("/cytoscape/nodes"), "/data/id")).isEqualTo(ids);
        assertThat(ids(view.at("/cytoscape/edges"), "/data/id")).isEqualTo(ids(edges));
        assertThat(view.at("/cytoscape/edges/0/data/source").asString()).isEqualTo(edges.at("/0/source").asString());
        assertThat(ids(view.at("/graphology/nodes"), "/key")).isEqualTo(ids);
        assertThat(ids(view.at("/graphology/edges"), "/key")).isEqualTo(ids(edges));
        assertThat(view.at("/graphology/options/type").asString()).isEqualTo("directed");
        assertThat(view.at("/graphology/options/multi").asBoolean()).isTrue();
        assertThat(view.at("/graphology/attributes/name").asString()).isEqualTo("region amr-westfaelisches-ruhrgebiet");
    }

    @Test
    void aWindowBefore2016DropsTheCampaignsRegionalEventAndItsTies() {
        var before = network(Map.of("region", "amr-westfaelisches-ruhrgebiet", "to", "2015"));
        assertThat(ids(before.at("/nodes"))).doesNotContain(EVENT).contains("Organisation:jobcenter-hamm");
        for (var edge : before.at("/edges")) {
            assertThat(edge.at("/target").asString()).isNotEqualTo(EVENT);
        }
        var during = network(Map.of("region", "amr-westfaelisches-ruhrgebiet", "asOf", "2016-10"));
        assertThat(ids(during.at("/nodes"))).contains(EVENT);
        var after = network(Map.of("region", "amr-westfaelisches-ruhrgebiet", "from", "2017"));
        assertThat(ids(after.at("/nodes"))).doesNotContain(EVENT);
    }

    @Test
    void anEventsAndAnOrganisationsSurroundingsAndTheNodeLimit() {
        var event = http.post(null, NETWORK.replace("$project: String,", "$project: String, $event: String,")
                .replace("project: $project,", "project: $project, event: $event,"), Map.of("event", EVENT));
        assertThat(event.ok()).as(event.text()).isTrue();
        var around = ids(event.body().at("/data/network/nodes"));
        assertThat(around.getFirst()).as("the centre first").isEqualTo(EVENT);
        assertThat(around).contains("Organisation:jobcenter-hamm", "Organisation:ihk-zu-dortmund", "Person:rainer-schmeltzer");

        var people = network(Map.of("organisation", "jobcenter-hamm", "depth", 2, "kinds", List.of("ORGANISATION")));
        var reached = ids(people.at("/nodes"));
        assertThat(reached.getFirst()).isEqualTo("Organisation:jobcenter-hamm");
        // Two ties away through the regional event: the other participants, organisations only.
        assertThat(reached).contains("Organisation:jobcenter-dortmund").doesNotContain(EVENT);
        assertThat(reached).allMatch(id -> id.startsWith("Organisation:"));

        // The way keeps to the window too: before 2016 the regional event leads nowhere, the chamber's
        // offer (undated) still does.
        assertThat(reached).contains("Organisation:ihk-zu-dortmund");
        var before2016 = ids(network(Map.of("organisation", "jobcenter-hamm", "depth", 2, "kinds", List.of("ORGANISATION"),
                "to", "2015")).at("/nodes"));
        assertThat(before2016).contains("Organisation:jobcenter-kreis-unna", "Organisation:handwerkskammer-dortmund")
                .doesNotContain("Organisation:ihk-zu-dortmund");

        var cut = network(Map.of("organisation", "jobcenter-hamm", "depth", 2, "limit", 3));
        assertThat(cut.at("/nodes").size()).isEqualTo(3);
        assertThat(cut.at("/truncated").asBoolean()).isTrue();
        assertThat(cut.at("/nodeCount").asInt()).isGreaterThan(3);
        assertThat(ids(cut.at("/nodes")).getFirst()).isEqualTo("Organisation:jobcenter-hamm");

        var speakers = network(Map.of("region", "amr-westfaelisches-ruhrgebiet",
                "relationshipTypes", List.of("SPEAKS_AT")));
        // People are located nowhere: a region has no speakers to draw.
        assertThat(speakers.at("/edges").size()).isZero();
    }

    @Test
    void aPathJoinsTwoOrganisationsOfDifferentDocumentsTheShortestWayWithItsSources() {
        var query = """
                query($from: ID!, $to: ID!, $maxHops: Int, $via: [NetworkNodeKind!]) {
                  path(from: $from, to: $to, maxHops: $maxHops, via: $via) {
                    length
                    routes { nodes { id } steps { from to forward relationship { type role sources { id } } } }
                  }
                }""";
        var found = http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund", "to", "Organisation:stadt-duesseldorf"));
        assertThat(found.ok()).as(found.text()).isTrue();
        var path = found.body().at("/data/path");
        // Dortmund's chamber took part in the campaign's regional event of 2016 (the ministry's press
        // release); Düsseldorf took part in the campaign's event of 2018 (the city's own document).
        assertThat(path.at("/length").asInt()).isEqualTo(4);
        assertThat(path.at("/routes").size()).isEqualTo(1);
        var route = path.at("/routes/0");
        assertThat(ids(route.at("/nodes"))).containsExactly("Organisation:ihk-zu-dortmund", EVENT,
                "Project:landesaktion-nrw-das-machen-wir", "Event:veranstaltung-duesseldorf-kreis-mettmann-2018-11-21",
                "Organisation:stadt-duesseldorf");
        var steps = route.at("/steps");
        assertThat(steps.at("/0/relationship/type").asString()).isEqualTo("PARTICIPATES_IN");
        assertThat(steps.at("/0/forward").asBoolean()).isTrue();
        assertThat(steps.at("/1/relationship/type").asString()).isEqualTo("PART_OF");
        assertThat(steps.at("/2/relationship/type").asString()).isEqualTo("PART_OF");
        assertThat(steps.at("/2/forward").asBoolean()).as("the 2018 event is part of the campaign, not the reverse").isFalse();
        assertThat(steps.at("/3/from").asString()).isEqualTo("Event:veranstaltung-duesseldorf-kreis-mettmann-2018-11-21");
        assertThat(steps.at("/3/forward").asBoolean()).isFalse();
        assertThat(ids(steps.at("/0/relationship/sources"))).containsExactly("Source:src-mais-2016-10-19-dortmund");
        assertThat(ids(steps.at("/3/relationship/sources")))
                .containsExactly("Source:src-duesseldorf-2018-11-integration-arbeit-ausbildung");

        var tooShort = http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund", "to", "Organisation:stadt-duesseldorf",
                "maxHops", 3));
        assertThat(tooShort.body().at("/data/path").isNull()).as(tooShort.text()).isTrue();
        var onlyOrganisations = http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund",
                "to", "Organisation:stadt-duesseldorf", "via", List.of("ORGANISATION")));
        assertThat(onlyOrganisations.body().at("/data/path").isNull()).as(onlyOrganisations.text()).isTrue();
        assertThat(http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund", "to", "Region:nrw"))
                .classification()).isEqualTo("BAD_REQUEST");
        assertThat(http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund", "to", "Organisation:ihk-zu-dortmund"))
                .classification()).isEqualTo("BAD_REQUEST");
        assertThat(http.post(null, query, Map.of("from", "Organisation:ihk-zu-dortmund", "to", "Organisation:no-such"))
                .classification()).isEqualTo("NOT_FOUND");
    }

    @Test
    void badArgumentsAreClassified() {
        assertThat(post(Map.of()).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "nrw", "organisation", "jobcenter-hamm")).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "atlantis")).classification()).isEqualTo("NOT_FOUND");
        assertThat(post(Map.of("region", "nrw", "limit", 0)).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "nrw", "limit", 2001)).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("organisation", "jobcenter-hamm", "depth", 4)).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "nrw", "relationshipTypes", List.of("LOCATED_IN"))).classification())
                .isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "nrw", "from", "2020", "asOf", "2019")).classification()).isEqualTo("BAD_REQUEST");
        assertThat(post(Map.of("region", "nrw", "from", "2020", "to", "2019")).classification()).isEqualTo("BAD_REQUEST");
        var malformed = post(Map.of("region", "nrw", "from", "last year"));
        assertThat(malformed.classification()).isEqualTo("BAD_REQUEST");
        assertThat(malformed.text()).doesNotContain("Exception");
    }

    private GraphQlHttp.Response post(Map<String, Object> variables) {
        return http.post(null, NETWORK, variables);
    }

    private JsonNode network(Map<String, Object> variables) {
        var response = post(variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/network");
    }

    private static List<String> ids(JsonNode list) {
        return ids(list, "/id");
    }

    private static List<String> ids(JsonNode list, String pointer) {
        var ids = new ArrayList<String>();
        list.forEach(item -> ids.add(item.at(pointer).asString()));
        assertThat(new HashSet<>(ids)).as("no id twice").hasSize(ids.size());
        return ids;
    }

    private static JsonNode node(JsonNode view, String id) {
        for (var node : view.at("/nodes")) {
            if (node.at("/id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static JsonNode find(JsonNode edges, String source, String target) {
        for (var edge : edges) {
            if (edge.at("/source").asString().equals(source) && edge.at("/target").asString().equals(target)) {
                return edge;
            }
        }
        throw new AssertionError("no edge from " + source + " to " + target);
    }
}
