package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The incremental path of the collaboration derivation gives the same pairs, counts and records as
 * the full rebuild (pair counts of regions and organisations included):
 * random sequences of changes (participations, council memberships, fundings, regions of projects
 * and events; each added or removed), each followed by {@link CollaborationDeriver#refresh} for the
 * context it touches, are compared with a rebuild after every sequence. The random seed is printed
 * in a failure and can be set with {@code -Dcollaborations.seed=}.
 */
@FullStackTest
class CollaborationDerivationTests {

    private static final String MARK = "random-collaboration|";

    @Autowired
    CollaborationDeriver collaborations;

    @Autowired
    Neo4jClient neo4j;

    @AfterEach
    void removeTheChanges() {
        neo4j.query("MATCH ()-[r]->() WHERE r.key STARTS WITH $mark DELETE r").bind(MARK).to("mark").run();
        collaborations.rebuild("after-test-" + System.nanoTime());
    }

    @Test
    @SuppressWarnings("unchecked")
    void refreshingWhatChangesTouchEqualsARebuild() {
        long seed = Long.getLong("collaborations.seed", System.nanoTime());
        var random = new Random(seed);
        var organisations = keys("MATCH (n:Organisation) RETURN n.key AS key ORDER BY key");
        var councils = keys("MATCH (n:Organisation {kind: 'COUNCIL'}) RETURN n.key AS key ORDER BY key");
        var undertakings = keys("MATCH (n) WHERE n:Project OR n:Event RETURN n.key AS key ORDER BY key");
        var projects = keys("MATCH (n:Project) RETURN n.key AS key ORDER BY key");
        var regions = keys("MATCH (n:Region) WHERE n.type <> 'VENUE' RETURN n.key AS key ORDER BY key");
        int counter = 0;
        for (int sequence = 0; sequence < 5; sequence++) {
            for (int step = 0; step < 12; step++) {
                var context = switch (random.nextInt(6)) {
                    case 0, 1 -> add("PARTICIPATES_IN", pick(random, organisations), pick(random, undertakings), counter++);
                    case 2 -> add("MEMBER_OF", pick(random, organisations), pick(random, councils), counter++);
                    case 3 -> add("FUNDS", pick(random, organisations),
                            random.nextBoolean() ? pick(random, organisations) : pick(random, projects), counter++);
                    case 4 -> add("ACTIVE_IN", pick(random, undertakings), pick(random, regions), counter++);
                    default -> removeOne(random);
                };
                collaborations.refresh(context);
            }
            var incremental = derived();
            collaborations.rebuild("check-" + sequence + "-" + seed);
            var rebuilt = derived();
            var missing = new TreeSet<>(rebuilt);
            missing.removeAll(incremental);
            var extra = new TreeSet<>(incremental);
            extra.removeAll(rebuilt);
            assertThat(List.of(missing, extra)).as("derived facts the incremental path missed, and facts it has that a rebuild"
                    + " does not, after sequence %d of random seed %d (rerun with -Dcollaborations.seed=%d)",
                    sequence, seed, seed).containsOnly(new TreeSet<>());
        }
        assertThat(counter).isPositive();
    }

    /**
     * Adds a base fact and returns the context whose links it touches: the project, event, council
     * or funded body a participation, membership or funding points to; the project or event whose
     * region changed.
     */
    private List<String> add(String type, String from, String to, int number) {
        neo4j.query("""
                MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
                CALL (a, b) {
                  WITH a, b WHERE $type = 'PARTICIPATES_IN'
                  CREATE (a)-[:PARTICIPATES_IN {key: $key, origin: 'api', role: 'PARTNER', basis: 'stated', sources: []}]->(b)
                  UNION
                  WITH a, b WHERE $type = 'MEMBER_OF'
                  CREATE (a)-[:MEMBER_OF {key: $key, origin: 'api', basis: 'inferred', sources: []}]->(b)
                  UNION
                  WITH a, b WHERE $type = 'FUNDS'
                  CREATE (a)-[:FUNDS {key: $key, origin: 'api', basis: 'stated', sources: []}]->(b)
                  UNION
                  WITH a, b WHERE $type = 'ACTIVE_IN'
                  CREATE (a)-[:ACTIVE_IN {key: $key, origin: 'api', basis: 'stated', sources: []}]->(b)
                }
                """).bind(from).to("from").bind(to).to("to").bind(type).to("type").bind(MARK + number).to("key").run();
        return List.of(type.equals("ACTIVE_IN") ? from : to);
    }

    /** Removes one base fact added before, if there is one, and returns the context it touched. */
    private List<String> removeOne(Random random) {
        var added = neo4j.query("""
                MATCH (a)-[r]->(b) WHERE r.key STARTS WITH $mark
                RETURN r.key AS key, CASE type(r) WHEN 'ACTIVE_IN' THEN a.key ELSE b.key END AS context ORDER BY key
                """)
                .bind(MARK).to("mark").fetch().all().stream().toList();
        if (added.isEmpty()) {
            return List.of();
        }
        var chosen = added.get(random.nextInt(added.size()));
        neo4j.query("MATCH ()-[r {key: $key}]->() DELETE r").bind(chosen.get("key")).to("key").run();
        return List.of((String) chosen.get("context"));
    }

    /**
     * Everything the derivation keeps, as sortable lines: each pair's properties (links, times, rank
     * keys; the generation stamp left out), each region's pair count and each context's record of
     * the pairs linked through it.
     */
    private Set<String> derived() {
        var lines = new TreeSet<String>();
        neo4j.query("MATCH (p:Collaboration) RETURN properties(p) AS p").fetch().all().forEach(row -> {
            var properties = new java.util.TreeMap<String, Object>((java.util.Map<String, Object>) row.get("p"));
            properties.remove("generation");
            lines.add("pair " + properties);
        });
        neo4j.query("MATCH (r:Region) RETURN r.key + ' ' + coalesce(r.collaborationCount, 0) AS line")
                .fetchAs(String.class).all().forEach(line -> lines.add("region " + line));
        neo4j.query("MATCH (o:Organisation) WHERE coalesce(o.collaborationCount, 0) <> 0 RETURN o.key + ' ' + o.collaborationCount AS line")
                .fetchAs(String.class).all().forEach(line -> lines.add("organisation " + line));
        neo4j.query("MATCH (t:CollaborationTotal) RETURN t.id + ' ' + t.count AS line")
                .fetchAs(String.class).all().forEach(line -> lines.add("total " + line));
        neo4j.query("MATCH (c:CollaborationRecord) RETURN c.key + ' ' + reduce(s = '', x IN c.pairs | s + x + ',') + ' in ' + reduce(s = '', x IN c.regions | s + x + ',') AS line")
                .fetchAs(String.class).all().forEach(line -> lines.add("context " + line));
        return lines;
    }

    private List<String> keys(String cypher) {
        return new ArrayList<>(neo4j.query(cypher).fetchAs(String.class).all());
    }

    private static String pick(Random random, List<String> keys) {
        return keys.get(random.nextInt(keys.size()));
    }
}
