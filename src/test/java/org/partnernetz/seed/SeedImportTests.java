package org.partnernetz.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphFingerprint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The importer against the real graph: idempotent, and all-or-nothing on a bad seed. */
@FullStackTest
class SeedImportTests {

    private static final String SEED = "classpath:graph-seed/";

    @Autowired
    SeedImporter importer;

    @Autowired
    Neo4jClient neo4j;

    @TempDir
    Path seedCopy;

    @Test
    void importingAgainChangesNothing() {
        var before = GraphFingerprint.of(neo4j);
        var result = importer.importFrom(SEED);
        var after = GraphFingerprint.of(neo4j);
        assertThat(result.entries()).isGreaterThan(150);
        assertThat(result.collaborations()).isPositive();
        assertThat(before).hasSizeGreaterThan(1000);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void unknownReferenceIsRefusedNamingFileAndEntryAndTheGraphStaysAsItWas() throws IOException {
        copySeed();
        var relationships = seedCopy.resolve("relationships.yaml");
        var entries = Files.readAllLines(relationships).stream().filter(line -> line.startsWith("- ")).count();
        Files.writeString(relationships, """

                - type: MEMBER_OF
                  from: whkt
                  to: no-such-council
                  basis: stated
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        var before = GraphFingerprint.of(neo4j);

        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("relationships.yaml, entry #" + (entries + 1))
                .hasMessageContaining("unknown reference 'no-such-council' in to");
        assertThat(GraphFingerprint.of(neo4j)).isEqualTo(before);
    }

    @Test
    void duplicateIdsMalformedDatesAndUnknownFieldsAreRefused() throws IOException {
        copySeed();
        Files.writeString(seedCopy.resolve("people.yaml"), """

                - key: whkt
                  name: "Doppelt vergeben"
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("events.yaml"), """

                - key: broken-date-event
                  name: "Kaputtes Datum"
                  kind: MEETING
                  date: "2019-02-30"
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("regions.yaml"), """

                - key: short-key-town
                  name: "Zu kurzer Schlüssel"
                  type: MUNICIPALITY
                  ags: "5111"
                  parents: [duesseldorf]
                  sources: [src-nrw-regions-reference]
                """, StandardOpenOption.APPEND);
        var before = GraphFingerprint.of(neo4j);

        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("people.yaml, entry 'whkt': duplicate key (already used in organisations.yaml)")
                .hasMessageContaining("regions.yaml, entry 'short-key-town': ags")
                .hasMessageContaining("events.yaml, entry 'broken-date-event': date '2019-02-30' is not a valid date");

        Files.writeString(seedCopy.resolve("people.yaml"), "- key: someone\n  nmae: typo\n");
        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("people.yaml")
                .hasMessageContaining("nmae");
        assertThat(GraphFingerprint.of(neo4j)).isEqualTo(before);
    }

    @Test
    void theProvenanceAndShapeRulesOfTheNewTypesAreEnforced() throws IOException {
        copySeed();
        Files.writeString(seedCopy.resolve("relationships.yaml"), """

                - type: ADVISES
                  from: whkt
                  to: landesregierung-nrw
                  basis: stated
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                - type: RUNS
                  from: caritas
                  to: integrationsagenturen-nrw
                  role: LEAD
                  basis: stated
                  sources: [src-mais-2015-11-05-integrationsagenturen]
                - type: PUBLISHES
                  from: whkt
                  to: src-whkt-2019-06-26-ehrenamt-bewegt
                  basis: stated
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                - type: INITIATES
                  from: mais-nrw
                  to: hispi
                  since: "2018"
                  until: "2016"
                  basis: inferred
                  sources: [src-duesseldorf-2018-11-integration-arbeit-ausbildung]
                - type: OFFERS
                  from: vmdo
                  to: nrw
                  basis: stated
                  sources: [src-mais-2016-10-19-dortmund]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("regions.yaml"), """

                - key: pressed-town
                  name: "Aus der Presse eingeordnet"
                  type: MUNICIPALITY
                  parents: [duesseldorf]
                  parentSources: [src-duesseldorf-2018-11-integration-arbeit-ausbildung]
                  sources: [src-duesseldorf-2018-11-integration-arbeit-ausbildung]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("organisations.yaml"), """

                - key: merged-body
                  name: "Name A"
                  aliases: ["Name B"]
                  kind: ASSOCIATION
                  identity: {names: ["Name A", "Name C"], sources: [src-whkt-2019-06-26-ehrenamt-bewegt]}
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("events.yaml"), """

                - key: bounded-event
                  name: "Zwischen zwei Daten"
                  kind: MEETING
                  notBefore: "2019"
                  notAfter: "2018"
                  dateBasis: inferred
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        var before = GraphFingerprint.of(neo4j);

        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("(ADVISES whkt -> landesregierung-nrw): only organisations of kind [COUNCIL]")
                .hasMessageContaining("(RUNS caritas -> integrationsagenturen-nrw): a RUNS relationship takes no role")
                .hasMessageContaining("(PUBLISHES whkt -> src-whkt-2019-06-26-ehrenamt-bewegt): role 'null' is not one of")
                .hasMessageContaining("(INITIATES mais-nrw -> hispi): basis is inferred, so note must say why")
                .hasMessageContaining("(INITIATES mais-nrw -> hispi): since 2018 lies after until 2016")
                .hasMessageContaining("(OFFERS vmdo -> nrw): 'nrw' in to is a Region, expected one of [Topic]")
                .hasMessageContaining("entry 'pressed-town': parentSources 'src-duesseldorf-2018-11-integration-arbeit-ausbildung' is a NEWS_ITEM")
                .hasMessageContaining("entry 'merged-body': identity.basis is missing")
                .hasMessageContaining("entry 'merged-body': identity name 'Name C' is neither the name nor an alias")
                .hasMessageContaining("entry 'bounded-event': dateBasis is inferred, so dateNote must say why")
                .hasMessageContaining("entry 'bounded-event': notBefore 2019 lies after notAfter 2018");
        assertThat(GraphFingerprint.of(neo4j)).isEqualTo(before);
    }

    @Test
    void aGraphWrittenByAnOlderImporterLacksTheSeed() {
        assertThat(importer.lacksSeed()).isFalse();
        neo4j.query("MATCH (s:SeedState {id: 'seed'}) SET s.format = $old").bind(SeedImporter.FORMAT - 1).to("old").run();
        try {
            assertThat(importer.lacksSeed()).isTrue();
        } finally {
            importer.importFrom(SEED);
        }
        assertThat(importer.lacksSeed()).isFalse();
    }

    @Test
    void reImportingKeepsWhatTheApiCreatedOrChanged() throws IOException {
        // What editors would have done through the API: a new organisation taking part in a seeded
        // project; a seeded organisation renamed (with the search keys the edit path maintains); a
        // seeded person given an appearance, and her seeded appearance corrected. Plus a node
        // someone wrote by hand, with no origin at all.
        neo4j.query("""
                MATCH (hispi:Entity {key: 'hispi'}), (event:Entity {key: 'veranstaltung-duesseldorf-kreis-mettmann-2018-11-21'}),
                      (person:Entity {key: 'marija-bakker'})
                CREATE (o:Entity:Organisation {key: 'api-made', slug: 'api-made', name: 'Über die API angelegt',
                        kind: 'ASSOCIATION', origin: 'api', sortName: 'uber die api angelegt', searchText: 'uberdieapiangelegt'})
                CREATE (o)-[:PARTICIPATES_IN {key: 'api|1', origin: 'api', role: 'PARTNER', basis: 'stated',
                        sources: ['src-duesseldorf-2018-11-integration-arbeit-ausbildung']}]->(hispi)
                CREATE (person)-[:SPEAKS_AT {key: 'api|2', origin: 'api', role: 'guest', basis: 'stated',
                        sources: ['src-duesseldorf-2018-11-integration-arbeit-ausbildung']}]->(event)
                CREATE (:Entity:Organisation {key: 'hand-made', slug: 'hand-made', name: 'Von Hand', kind: 'ASSOCIATION',
                        sortName: 'von hand', searchText: 'vonhand'})
                WITH person
                MATCH (person)-[seeded:SPEAKS_AT]->() WHERE seeded.origin = 'seed'
                SET seeded.role = 'host', seeded.editedFields = ['role']
                WITH 1 AS done
                MATCH (whkt:Entity {key: 'whkt'})
                SET whkt.name = 'WHKT (umbenannt)', whkt.sortName = 'whkt (umbenannt)', whkt.searchText = 'whktumbenannt',
                    whkt.editedFields = ['name']
                """).run();
        var editedAppearance = text("MATCH (:Entity {key: 'marija-bakker'})-[r:SPEAKS_AT {origin: 'seed'}]->() RETURN r.key");
        copySeed();
        var people = seedCopy.resolve("people.yaml");
        Files.writeString(people, withoutEntry(Files.readString(people), "marija-bakker"));
        var relationships = seedCopy.resolve("relationships.yaml");
        Files.writeString(relationships, withoutEntriesMentioning(Files.readString(relationships), "marija-bakker"));
        try {
            var result = importer.importFrom("file:" + seedCopy + "/");

            assertThat(count("MATCH (:Entity {key: 'api-made', origin: 'api'})-[:PARTICIPATES_IN {key: 'api|1'}]->(:Entity {key: 'hispi'}) RETURN count(*)"))
                    .isEqualTo(1);
            assertThat(count("MATCH (n:Entity {key: 'hand-made'}) WHERE n.origin IS NULL RETURN count(n)"))
                    .as("a node without origin is not the seed's").isEqualTo(1);
            assertThat(text("MATCH (n:Entity {key: 'whkt'}) RETURN n.name")).isEqualTo("WHKT (umbenannt)");
            assertThat(text("MATCH (n:Entity {key: 'whkt'}) RETURN n.searchText")).isEqualTo("whktumbenannt");
            assertThat(text("MATCH (n:Entity {key: 'whkt'}) RETURN n.shortName")).isEqualTo("WHKT");
            assertThat(result.keptEdits()).containsExactly("whkt.name");

            assertThat(text("MATCH (n:Entity {key: 'marija-bakker'}) RETURN n.origin")).isEqualTo("api");
            assertThat(text("MATCH (:Entity {key: 'marija-bakker'})-[r {key: '" + editedAppearance + "'}]->() RETURN r.role"))
                    .as("the corrected seeded appearance survives with the correction").isEqualTo("host");
            assertThat(count("MATCH (:Entity {key: 'marija-bakker'})-[r:SPEAKS_AT]->() WHERE r.origin = 'api' RETURN count(r)"))
                    .isEqualTo(2);
            assertThat(count("MATCH (:Source)-[r:MENTIONS]->(:Entity {key: 'marija-bakker'}) WHERE r.origin = 'api' RETURN count(r)"))
                    .as("the handed-over person keeps the documents that mention her").isPositive();
            assertThat(result.leftToTheApi()).contains("marija-bakker", editedAppearance);
        } finally {
            neo4j.query("MATCH (n:Entity) WHERE n.key IN ['api-made', 'hand-made'] DETACH DELETE n").run();
            neo4j.query("MATCH ()-[r {key: 'api|2'}]->() DELETE r").run();
            neo4j.query("""
                    MATCH (n:Entity) WHERE n.key IN ['whkt', 'marija-bakker']
                    SET n.origin = 'seed' REMOVE n.editedFields
                    WITH n
                    OPTIONAL MATCH (n)-[r]-(:Entity) SET r.origin = 'seed' REMOVE r.editedFields
                    """).run();
            importer.importFrom(SEED);
        }
        assertThat(text("MATCH (n:Entity {key: 'whkt'}) RETURN n.name")).isEqualTo("Westdeutscher Handwerkskammertag");
        assertThat(text("MATCH (n:Entity {key: 'whkt'}) RETURN n.sortName")).isEqualTo("westdeutscher handwerkskammertag");
    }

    private int count(String cypher) {
        return neo4j.query(cypher).fetchAs(Integer.class).one().orElseThrow();
    }

    private String text(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElse(null);
    }

    /** A YAML list without the entry whose id is {@code id}. */
    private static String withoutEntry(String yaml, String id) {
        return String.join("\n", java.util.Arrays.stream(yaml.split("(?m)^(?=- )"))
                .filter(entry -> !entry.startsWith("- key: " + id + "\n")).toList()).replace("\n\n", "\n");
    }

    /** A YAML list without the entries that mention {@code id}. */
    private static String withoutEntriesMentioning(String yaml, String id) {
        return String.join("", java.util.Arrays.stream(yaml.split("(?m)^(?=- )"))
                .filter(entry -> !entry.contains(": " + id + "\n")).toList());
    }

    private void copySeed() throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources(SEED + "*.yaml")) {
            try (var in = resource.getInputStream()) {
                Files.copy(in, seedCopy.resolve(resource.getFilename()));
            }
        }
    }
}
