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

                - id: whkt
                  name: "Doppelt vergeben"
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("events.yaml"), """

                - id: broken-date-event
                  name: "Kaputtes Datum"
                  kind: MEETING
                  date: "2019-02-30"
                  sources: [src-whkt-2019-06-26-ehrenamt-bewegt]
                """, StandardOpenOption.APPEND);
        Files.writeString(seedCopy.resolve("regions.yaml"), """

                - id: short-key-town
                  name: "Zu kurzer Schlüssel"
                  type: MUNICIPALITY
                  ags: "5111"
                  parents: [duesseldorf]
                  sources: [src-nrw-regions-reference]
                """, StandardOpenOption.APPEND);
        var before = GraphFingerprint.of(neo4j);

        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("people.yaml, entry 'whkt': duplicate id (already used in organisations.yaml)")
                .hasMessageContaining("regions.yaml, entry 'short-key-town': ags")
                .hasMessageContaining("events.yaml, entry 'broken-date-event': date '2019-02-30' is not a valid date");

        Files.writeString(seedCopy.resolve("people.yaml"), "- id: someone\n  nmae: typo\n");
        assertThatThrownBy(() -> importer.importFrom("file:" + seedCopy + "/"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("people.yaml")
                .hasMessageContaining("nmae");
        assertThat(GraphFingerprint.of(neo4j)).isEqualTo(before);
    }

    private void copySeed() throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources(SEED + "*.yaml")) {
            try (var in = resource.getInputStream()) {
                Files.copy(in, seedCopy.resolve(resource.getFilename()));
            }
        }
    }
}
