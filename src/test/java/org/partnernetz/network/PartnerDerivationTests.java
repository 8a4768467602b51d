package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The incremental path of the partner derivation gives the same graph as the full rebuild: random
 * sequences of changes to the base facts (organisations located, active or taking part somewhere,
 * projects and events active in a region, each added or removed), each followed by
 * {@link PartnerDerivation#refresh} for what it touches, are compared with a rebuild after every
 * sequence. The random seed is printed in a failure and can be set with {@code -Dpartners.seed=}.
 */
@FullStackTest
class PartnerDerivationTests {

    private static final String MARK = "random-change|";

    @Autowired
    PartnerDerivation partners;

    @Autowired
    Neo4jClient neo4j;

    @AfterEach
    void removeTheChanges() {
        neo4j.query("MATCH ()-[r]->() WHERE r.key STARTS WITH $mark DELETE r").bind(MARK).to("mark").run();
        partners.rebuild();
    }

    @Test
    void refreshingWhatChangesTouchEqualsARebuild() {
        long seed = Long.getLong("partners.seed", System.nanoTime());
        var random = new Random(seed);
        var organisations = keys("MATCH (n:Organisation) RETURN n.key AS key ORDER BY key");
        var undertakings = keys("MATCH (n) WHERE n:Project OR n:Event RETURN n.key AS key ORDER BY key");
        var regions = keys("MATCH (n:Region) WHERE n.type <> 'VENUE' RETURN n.key AS key ORDER BY key");
        int counter = 0;
        for (int sequence = 0; sequence < 6; sequence++) {
            for (int step = 0; step < 12; step++) {
                var touched = switch (random.nextInt(5)) {
                    case 0 -> add("LOCATED_IN", pick(random, organisations), pick(random, regions), counter++);
                    case 1 -> add("ACTIVE_IN", pick(random, organisations), pick(random, regions), counter++);
                    case 2 -> add("PARTICIPATES_IN", pick(random, organisations), pick(random, undertakings), counter++);
                    case 3 -> add("ACTIVE_IN", pick(random, undertakings), pick(random, regions), counter++);
                    default -> removeOne(random);
                };
                partners.refresh(touched);
            }
            var incremental = derived();
            partners.rebuild();
            assertThat(incremental).as("derived after sequence %d of random seed %d (rerun with -Dpartners.seed=%d)",
                    sequence, seed, seed).isEqualTo(derived());
        }
        assertThat(counter).isPositive();
    }

    /** Adds a base fact and returns the organisations it touches. */
    private List<String> add(String type, String from, String to, int number) {
        neo4j.query("""
                MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
                CALL (a, b) {
                  WITH a, b WHERE $type = 'LOCATED_IN' CREATE (a)-[:LOCATED_IN {key: $key, origin: 'api'}]->(b)
                  UNION
                  WITH a, b WHERE $type = 'ACTIVE_IN' CREATE (a)-[:ACTIVE_IN {key: $key, origin: 'api'}]->(b)
                  UNION
                  WITH a, b WHERE $type = 'PARTICIPATES_IN' CREATE (a)-[:PARTICIPATES_IN {key: $key, origin: 'api', role: 'PARTNER'}]->(b)
                }
                """).bind(from).to("from").bind(to).to("to").bind(type).to("type").bind(MARK + number).to("key").run();
        return touchedBy(from);
    }

    /** Removes one base fact added before, if there is one, and returns the organisations it touched. */
    private List<String> removeOne(Random random) {
        var added = neo4j.query("MATCH (a)-[r]->() WHERE r.key STARTS WITH $mark RETURN r.key AS key, a.key AS from ORDER BY key")
                .bind(MARK).to("mark").fetch().all().stream().toList();
        if (added.isEmpty()) {
            return List.of();
        }
        var chosen = added.get(random.nextInt(added.size()));
        var touched = touchedBy((String) chosen.get("from"));
        neo4j.query("MATCH ()-[r {key: $key}]->() DELETE r").bind(chosen.get("key")).to("key").run();
        return touched;
    }

    /** An organisation itself, or the participants of a project or event. */
    private List<String> touchedBy(String key) {
        return keys("""
                MATCH (n:Entity {key: '%s'})
                WITH n, CASE WHEN n:Organisation THEN [n]
                             ELSE COLLECT { MATCH (o:Organisation)-[:PARTICIPATES_IN]->(n) RETURN o } END AS touched
                UNWIND touched AS t
                RETURN DISTINCT t.key AS key
                """.formatted(key.replace("'", "")));
    }

    /** Every derived membership and count, as sortable lines. */
    private Set<String> derived() {
        var lines = new java.util.TreeSet<String>();
        neo4j.query("MATCH (o:Organisation)-[p:PARTNER_IN]->(r:Region) RETURN o.key + ' in ' + r.key + ' direct ' + p.direct AS line")
                .fetchAs(String.class).all().forEach(lines::add);
        neo4j.query("MATCH (r:Region) RETURN r.key + ' counts ' + r.partnerCount + '/' + r.directPartnerCount AS line")
                .fetchAs(String.class).all().forEach(lines::add);
        return lines;
    }

    private List<String> keys(String cypher) {
        return new ArrayList<>(neo4j.query(cypher).fetchAs(String.class).all());
    }

    private static String pick(Random random, List<String> keys) {
        return keys.get(random.nextInt(keys.size()));
    }
}
