package org.partnernetz.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The schema steps run at start, and a database set up by an older hub catches up. */
@FullStackTest
class GraphSchemaTests {

    private static final Pattern NAME = Pattern.compile("CREATE (?:TEXT )?(?:CONSTRAINT|INDEX) (\\w+) IF NOT EXISTS");
    private static final Pattern DROPPED = Pattern.compile("DROP (?:CONSTRAINT|INDEX) (\\w+) IF EXISTS");

    @Autowired
    GraphSchema schema;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void stepsAreNumberedOneByOne() {
        assertThat(GraphSchema.STEPS.stream().map(GraphSchema.Step::version).toList())
                .isEqualTo(IntStream.rangeClosed(1, GraphSchema.STEPS.size()).boxed().toList());
        assertThat(GraphSchema.STEPS).allSatisfy(step -> assertThat(step.statements()).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).containsAnyOf("IF NOT EXISTS", "IF EXISTS", "IN TRANSACTIONS")));
    }

    @Autowired
    org.neo4j.driver.Driver driver;

    /** Reads that leave archived entries out draw no "unknown label" note, even before anything is archived. */
    @Test
    void theLabelsTheReadsNameAreKnown() {
        try (var session = driver.session()) {
            var notes = session.run("MATCH (n:Entity) WHERE NOT n:Archived RETURN count(n)").consume().notifications();
            assertThat(notes).noneMatch(note -> note.description().contains("label does not exist")
                    || note.code().contains("UnknownLabel"));
        }
    }

    @Test
    void theStartedHubHasEveryIndexOfTheLatestVersion() {
        assertThat(schema.current()).isEqualTo(GraphSchema.latest());
        assertThat(existing()).containsAll(allNames());
    }

    @Test
    void aDatabaseOfAnOlderVersionGetsTheNewIndexes() {
        neo4j.query("DROP INDEX topic_search IF EXISTS").run();
        neo4j.query("DROP INDEX topic_kind IF EXISTS").run();
        neo4j.query("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 1").run();
        assertThat(existing()).doesNotContain("topic_search", "topic_kind");
        assertThat(schema.current()).isEqualTo(1);

        assertThat(schema.apply()).isEqualTo(GraphSchema.latest());

        assertThat(schema.current()).isEqualTo(GraphSchema.latest());
        assertThat(existing()).contains("topic_search", "topic_kind");
    }

    private List<String> existing() {
        return neo4j.query("SHOW INDEXES YIELD name RETURN collect(name) AS names")
                .fetchAs(List.class).mappedBy((types, record) -> record.get("names").asList(value -> value.asString()))
                .one().orElseThrow();
    }

    /** Every constraint and index the steps create and no later step drops. */
    private static List<String> allNames() {
        var statements = GraphSchema.STEPS.stream().flatMap(step -> step.statements().stream()).toList();
        var dropped = statements.stream().map(DROPPED::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1)).toList();
        return statements.stream().map(NAME::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1)).filter(name -> !dropped.contains(name)).toList();
    }

    @Test
    void aDatabaseKeyedTheOldWayIsMovedToKeys() {
        // As an older hub left it: the seed key in id, under the old constraint, for two entities.
        neo4j.query("MATCH (n:Entity) WHERE n.key IN ['whkt', 'ihk-nrw'] SET n.id = n.key REMOVE n.key").run();
        neo4j.query("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE").run();
        neo4j.query("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 2").run();
        assertThat(existing()).contains("entity_id");

        assertThat(schema.apply()).isEqualTo(GraphSchema.latest());

        assertThat(neo4j.query("""
                MATCH (n:Entity) WHERE n.key IN ['whkt', 'ihk-nrw'] AND n.id IS NULL RETURN count(n) AS moved
                """).fetchAs(Integer.class).one()).contains(2);
        assertThat(neo4j.query("MATCH (n:Entity) WHERE n.key IS NULL OR n.id IS NOT NULL RETURN count(n)")
                .fetchAs(Integer.class).one()).contains(0);
        assertThat(existing()).contains("entity_key").doesNotContain("entity_id");
    }

    @Test
    void storedPairsOfAnOlderVersionGetWhatTheDerivationWritesToday() {
        var derived = storedPairs();
        assertThat(derived).isNotEmpty().allSatisfy((pairKey, facts) -> assertThat(facts).doesNotContainNull());
        // As a hub before steps 10 and 11 left them: pairs without `a` and `linkRegions`.
        neo4j.query("MATCH (p:Collaboration) REMOVE p.a, p.linkRegions").run();
        neo4j.query("MATCH (v:SchemaVersion {id: 'schema'}) SET v.version = 9").run();

        assertThat(schema.apply()).isEqualTo(GraphSchema.latest());

        assertThat(storedPairs()).isEqualTo(derived);
        assertThat(existing()).contains("collaboration_a_rank", "collaboration_b_rank");
    }

    /** Each stored pair's first organisation and the regions of its links, by pair key. */
    private java.util.Map<String, List<Object>> storedPairs() {
        var pairs = new java.util.TreeMap<String, List<Object>>();
        neo4j.query("MATCH (p:Collaboration) RETURN p.pairKey AS pairKey, p.a AS a, p.linkRegions AS regions")
                .fetch().all().forEach(row -> pairs.put((String) row.get("pairKey"),
                        java.util.Arrays.asList(row.get("a"), row.get("regions"))));
        return pairs;
    }
}
