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

    @Autowired
    GraphSchema schema;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void stepsAreNumberedOneByOne() {
        assertThat(GraphSchema.STEPS.stream().map(GraphSchema.Step::version).toList())
                .isEqualTo(IntStream.rangeClosed(1, GraphSchema.STEPS.size()).boxed().toList());
        assertThat(GraphSchema.STEPS).allSatisfy(step -> assertThat(step.statements()).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).matches(NAME.pattern() + ".*")));
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

    private static List<String> allNames() {
        return GraphSchema.STEPS.stream().flatMap(step -> step.statements().stream())
                .map(statement -> {
                    var matcher = NAME.matcher(statement);
                    assertThat(matcher.find()).isTrue();
                    return matcher.group(1);
                }).toList();
    }
}
