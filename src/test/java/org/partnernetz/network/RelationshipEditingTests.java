package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Stating and removing a relationship over HTTP, with what it feeds: an organisation joins an event,
 * and at once counts as a partner where the event is and collaborates with its participants; the
 * derived facts then equal a full rebuild; removing it takes all of that back.
 */
@FullStackTest
class RelationshipEditingTests {

    private static final String ORGANISATION = "agentur-fuer-arbeit-hamm";
    private static final String EVENT = "tag-des-ehrenamtes-2019-06-26";
    private static final String SOURCE = "src-whkt-2019-06-26-ehrenamt-bewegt";

    private static final String ADD = """
            mutation($input: AddRelationshipInput!) {
              addRelationship(input: $input) { id relationship { type role basis version sources { key } } }
            }""";
    private static final String REMOVE = """
            mutation($id: ID!, $version: Int!) { removeRelationship(input: {id: $id, version: $version}) { id } }""";
    private static final String COLLABORATORS = """
            query($organisation: String!) { collaborations(organisation: $organisation, first: 100) {
              totalCount edges { node { organisationA { key } organisationB { key } weight } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    CollaborationDeriver collaborations;

    @Autowired
    PartnerDerivation partners;

    GraphQlHttp http;
    String editor;

    @BeforeEach
    void anEditor() {
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("relationship admin").secret();
        editor = http.createToken(admin, "ties editor", "EDITOR").secret();
    }

    @Test
    void joiningAnEventMakesPartnersAndCollaborationsAtOnceAndLeavingTakesThemBack() {
        var participants = neo4j.query("MATCH (o:Organisation)-[:PARTICIPATES_IN]->(:Entity {key: $event}) RETURN o.key")
                .bind(EVENT).to("event").fetchAs(String.class).all();
        assertThat(participants).isNotEmpty().doesNotContain(ORGANISATION);
        var before = http.post(null, COLLABORATORS, Map.of("organisation", ORGANISATION)).body().at("/data/collaborations");
        var counts = counts();

        var added = http.post(editor, ADD, Map.of("input", participation(List.of(SOURCE))));
        assertThat(added.ok()).as(added.text()).isTrue();
        var id = added.body().at("/data/addRelationship/id").asString();
        assertThat(id).isEqualTo("PARTICIPATES_IN|" + ORGANISATION + "|" + EVENT + "|PARTICIPANT");
        assertThat(added.body().at("/data/addRelationship/relationship/sources/0/key").asString()).isEqualTo(SOURCE);

        var after = http.post(null, COLLABORATORS, Map.of("organisation", ORGANISATION)).body().at("/data/collaborations");
        var partnersNow = new java.util.HashSet<String>();
        for (var edge : after.at("/edges")) {
            partnersNow.add(edge.at("/node/organisationA/key").asString());
            partnersNow.add(edge.at("/node/organisationB/key").asString());
        }
        assertThat(partnersNow).containsAll(participants);
        assertThat(after.at("/totalCount").asInt()).isGreaterThan(before.at("/totalCount").asInt());
        var ties = http.post(null, """
                { partners(region: "nrw", first: 100, after: null) { edges { node { key } tieCount ties(first: 100) { kind through { id } } } } }""",
                Map.of()).text();
        assertThat(ties).contains("Event:" + EVENT);

        // What the change derived equals what a full rebuild derives.
        var derived = counts();
        collaborations.rebuild("relationship-editing-test");
        partners.rebuild();
        assertThat(counts()).isEqualTo(derived);
        assertThat(derived).isNotEqualTo(counts);

        int version = added.body().at("/data/addRelationship/relationship/version").asInt();
        var stale = http.post(editor, REMOVE, Map.of("id", id, "version", version + 5));
        assertThat(stale.classification()).isEqualTo("CONFLICT");
        var removed = http.post(editor, REMOVE, Map.of("id", id, "version", version));
        assertThat(removed.ok()).as(removed.text()).isTrue();
        assertThat(http.post(null, COLLABORATORS, Map.of("organisation", ORGANISATION)).body().at("/data/collaborations"))
                .isEqualTo(before);
        assertThat(counts()).isEqualTo(counts);
        assertThat(neo4j.query("MATCH (r:Revision {entityKey: $id}) WHERE r.version >= $version RETURN r.version"
                + " ORDER BY r.version").bind(id).to("id").bind(version).to("version").fetchAs(Long.class).all())
                .containsExactly((long) version, version + 1L);
    }

    @Test
    void aFactWithoutSourcesOrTwiceOrOutsideAnEditorsOrganisationsIsRefusedAndWritesNothing() {
        var counts = counts();
        var unsourced = http.post(editor, ADD, Map.of("input", participation(List.of())));
        assertThat(unsourced.classification()).isEqualTo("BAD_REQUEST");
        assertThat(unsourced.body().at("/errors/0/message").asString()).contains("sources");

        var admin = tokens.createFirstAdmin("limit admin").secret();
        var limited = http.createToken(admin, "limited ties", "EDITOR", "whkt").secret();
        assertThat(http.post(limited, ADD, Map.of("input", participation(List.of(SOURCE)))).classification())
                .isEqualTo("FORBIDDEN");
        assertThat(http.post(null, ADD, Map.of("input", participation(List.of(SOURCE)))).classification())
                .isEqualTo("UNAUTHORIZED");
        assertThat(counts()).isEqualTo(counts);

        var first = http.post(editor, ADD, Map.of("input", participation(List.of(SOURCE))));
        assertThat(first.ok()).as(first.text()).isTrue();
        var twice = http.post(editor, ADD, Map.of("input", participation(List.of(SOURCE))));
        assertThat(twice.classification()).isEqualTo("BAD_REQUEST");
        var id = first.body().at("/data/addRelationship/id").asString();
        var removed = http.post(editor, REMOVE, Map.of("id", id,
                "version", first.body().at("/data/addRelationship/relationship/version").asInt()));
        assertThat(removed.ok()).as(removed.text()).isTrue();
        assertThat(counts()).isEqualTo(counts);
    }

    /**
     * Editors joining the same two events at once, in opposite orders: their re-derivations lock the
     * same pairs and may deadlock; the database rolls one back and the hub tries it again, so every
     * edit is answered without an error. Then all of them leave again, at once.
     */
    @Test
    void concurrentEditsOfTheSameContextsAllSucceed() throws Exception {
        var second = "regionalveranstaltung-westfaelisches-ruhrgebiet-2016-10";
        var organisations = neo4j.query("""
                MATCH (o:Organisation) WHERE NOT (o)-[:PARTICIPATES_IN]->(:Event) RETURN o.key ORDER BY o.key LIMIT 8""")
                .fetchAs(String.class).all().stream().toList();
        assertThat(organisations).hasSize(8);
        var counts = counts();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var adds = new java.util.ArrayList<java.util.concurrent.Future<List<GraphQlHttp.Response>>>();
            for (int i = 0; i < organisations.size(); i++) {
                var organisation = organisations.get(i);
                var events = i % 2 == 0 ? List.of(EVENT, second) : List.of(second, EVENT);
                adds.add(pool.submit(() -> events.stream().map(event -> {
                    var input = new HashMap<>(participation(List.of(SOURCE)));
                    input.put("from", organisation);
                    input.put("to", event);
                    return http.post(editor, ADD, Map.of("input", input));
                }).toList()));
            }
            var ids = new java.util.ArrayList<String>();
            for (var add : adds) {
                for (var response : add.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    assertThat(response.ok()).as(response.text()).isTrue();
                    ids.add(response.body().at("/data/addRelationship/id").asString());
                }
            }
            assertThat(ids).hasSize(16).doesNotHaveDuplicates();
            var removes = ids.stream().map(id -> pool.submit(() -> http.post(editor, REMOVE, Map.of("id", id, "version", 1))))
                    .toList();
            for (var remove : removes) {
                var response = remove.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.ok()).as(response.text()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts()).isEqualTo(counts);
    }

    @Autowired
    org.partnernetz.seed.SeedImporter importer;

    @Test
    void aSeededRelationshipRemovedThroughTheApiStaysRemovedAfterAReimport() {
        var id = "PARTICIPATES_IN|beirat-integration-fluechtlinge-arbeit-ausbildung|" + EVENT + "|PARTICIPANT";
        assertThat(relationships(id)).isOne();
        var removed = http.post(editor, REMOVE, Map.of("id", id, "version", 1));
        assertThat(removed.ok()).as(removed.text()).isTrue();
        importer.importFrom("classpath:graph-seed/");
        assertThat(relationships(id)).isZero();

        // Stated again, it is the API's; a re-import keeps it.
        var again = new HashMap<String, Object>(participation(List.of(SOURCE)));
        again.put("from", "beirat-integration-fluechtlinge-arbeit-ausbildung");
        again.put("basis", "INFERRED");
        again.put("note", "named among the guests of the day");
        var added = http.post(editor, ADD, Map.of("input", again));
        assertThat(added.ok()).as(added.text()).isTrue();
        importer.importFrom("classpath:graph-seed/");
        assertThat(relationships(id)).isOne();
    }

    private long relationships(String key) {
        return neo4j.query("MATCH ()-[r:PARTICIPATES_IN {key: $key}]->() RETURN count(r)").bind(key).to("key")
                .fetchAs(Long.class).one().orElseThrow();
    }

    private static Map<String, Object> participation(List<String> sources) {
        var input = new HashMap<String, Object>();
        input.put("type", "PARTICIPATES_IN");
        input.put("from", ORGANISATION);
        input.put("to", "Event:" + EVENT);
        input.put("role", "PARTICIPANT");
        input.put("basis", "STATED");
        input.put("sources", sources);
        input.put("comment", "named among the guests");
        return input;
    }

    /**
     * The derived counts: pairs in the network and per region and organisation, partners per region.
     * An organisation's count of 0 is none (a refresh writes 0, a rebuild leaves it out).
     */
    private Map<String, Object> counts() {
        var counts = new HashMap<String, Object>();
        neo4j.query("""
                MATCH (n) WHERE n.collaborationCount > 0 OR n.partnerCount IS NOT NULL
                RETURN n.key AS key, n.collaborationCount AS pairs, n.partnerCount AS partners,
                       n.directPartnerCount AS direct""").fetch().all()
                .forEach(row -> counts.put((String) row.get("key"),
                        List.of(String.valueOf(row.get("pairs")), String.valueOf(row.get("partners")),
                                String.valueOf(row.get("direct")))));
        counts.put("total", neo4j.query("MATCH (t:CollaborationTotal) RETURN t.count").fetchAs(Long.class).one().orElse(0L));
        counts.put("pairs", neo4j.query("MATCH (p:Collaboration) RETURN count(p)").fetchAs(Long.class).one().orElse(0L));
        counts.put("memberships", neo4j.query("MATCH ()-[m:PARTNER_IN]->() RETURN count(m)").fetchAs(Long.class)
                .one().orElse(0L));
        return counts;
    }
}
