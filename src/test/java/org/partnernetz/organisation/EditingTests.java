package org.partnernetz.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.seed.SeedImporter;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changing an organisation over HTTP: who may, the version check that prevents lost updates (also
 * under 20 concurrent editors), the seed's rules, the revisions, and that a re-import keeps the edit.
 * Each test changes an organisation no other test reads.
 */
@FullStackTest
class EditingTests {


    private static final String UPDATE = """
            mutation($input: UpdateOrganisationInput!) {
              updateOrganisation(input: $input) { organisation { key name note website version updatedBy } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SeedImporter importer;

    String admin;
    String editor;

    @BeforeEach
    void tokens() {
        admin = tokens.createFirstAdmin("editing admin").secret();
        editor = token("an editor " + System.nanoTime(), "EDITOR", null);
    }

    @Test
    void onlyEditorsChangeAndALimitedEditorOnlyItsOwn() {
        var input = Map.<String, Object>of("organisation", "agentur-fuer-arbeit-hamm", "version", version("agentur-fuer-arbeit-hamm"),
                "note", "checked by phone");
        assertThat(classification(post(null, UPDATE, Map.of("input", input)))).isEqualTo("UNAUTHORIZED");
        var partner = token("a partner " + System.nanoTime(), "PARTNER", null);
        assertThat(classification(post(partner, UPDATE, Map.of("input", input)))).isEqualTo("FORBIDDEN");
        var limited = token("hamm only " + System.nanoTime(), "EDITOR", List.of("agentur-fuer-arbeit-hamm"));
        var other = Map.<String, Object>of("organisation", "bundesagentur-fuer-arbeit", "version", version("bundesagentur-fuer-arbeit"),
                "note", "not mine");
        assertThat(classification(post(limited, UPDATE, Map.of("input", other)))).isEqualTo("FORBIDDEN");
        // The same refusal for an organisation that does not exist: a limit tells nothing about what exists.
        var missing = Map.<String, Object>of("organisation", "no-such-organisation", "version", 1, "note", "x");
        assertThat(classification(post(limited, UPDATE, Map.of("input", missing)))).isEqualTo("FORBIDDEN");

        var done = post(limited, UPDATE, Map.of("input", input)).body().at("/data/updateOrganisation/organisation");
        assertThat(done.at("/note").asString()).isEqualTo("checked by phone");
        assertThat(done.at("/updatedBy").asString()).startsWith("hamm only");
        assertThat(note("bundesagentur-fuer-arbeit")).isNotEqualTo("not mine");

        // ADMIN includes EDITOR.
        var byAdmin = post(admin, UPDATE, Map.of("input", Map.of("organisation", "agentur-fuer-arbeit-hamm",
                "version", version("agentur-fuer-arbeit-hamm"), "note", "checked by an admin")));
        assertThat(byAdmin.ok()).as(byAdmin.text()).isTrue();
        assertThat(note("agentur-fuer-arbeit-hamm")).isEqualTo("checked by an admin");
    }

    @Test
    void twoUpdatesFromTheSameVersionOneWinsTheOtherIsAConflictAndTheHistoryHoldsTheWinner() {
        var key = "agentur-fuer-arbeit-hamm";
        int start = version(key);
        var first = post(editor, UPDATE, Map.of("input", Map.of("organisation", key, "version", start,
                "website", "https://example.org/hamm-1", "comment", "first")));
        assertThat(first.body().at("/data/updateOrganisation/organisation/version").asInt()).isEqualTo(start + 1);
        var second = post(editor, UPDATE, Map.of("input", Map.of("organisation", key, "version", start,
                "website", "https://example.org/hamm-2")));
        assertThat(classification(second)).isEqualTo("CONFLICT");
        assertThat(second.body().at("/errors/0/extensions/currentVersion").asInt()).isEqualTo(start + 1);

        var history = post(null, """
                query($key: String!) { organisation(slug: $key) { version website
                  revisions(first: 1) { totalCount edges { node { version by comment changes { field from to } } } } } }""",
                Map.of("key", key)).body().at("/data/organisation");
        assertThat(history.at("/website").asString()).isEqualTo("https://example.org/hamm-1");
        var newest = history.at("/revisions/edges/0/node");
        assertThat(newest.at("/version").asInt()).isEqualTo(start + 1);
        assertThat(newest.at("/comment").asString()).isEqualTo("first");
        assertThat(newest.at("/changes/0/field").asString()).isEqualTo("website");
        assertThat(newest.at("/changes/0/to").asString()).isEqualTo("\"https://example.org/hamm-1\"");
    }

    @Test
    void inputBreakingTheSeedsRulesIsABadRequestAndWritesNothing() {
        var key = "agentur-fuer-arbeit-hamm";
        int start = version(key);
        int revisions = revisionCount(key);
        var blankName = post(editor, UPDATE, Map.of("input", Map.of("organisation", key, "version", start, "name", " ")));
        assertThat(classification(blankName)).isEqualTo("BAD_REQUEST");
        assertThat(blankName.body().at("/errors/0/message").asString()).contains("name");
        var inferredWithoutNote = post(editor, UPDATE, Map.of("input", Map.of("organisation", key, "version", start,
                "basis", "INFERRED", "note", "")));
        assertThat(classification(inferredWithoutNote)).isEqualTo("BAD_REQUEST");
        assertThat(inferredWithoutNote.body().at("/errors/0/message").asString()).contains("basis");
        assertThat(version(key)).isEqualTo(start);
        assertThat(revisionCount(key)).isEqualTo(revisions);
    }

    @Test
    void twentyConcurrentEditorsRetryingOnConflictLoseNoUpdate() throws Exception {
        var key = "fluechtlingsrat-nrw";
        int start = version(key);
        int before = revisionCount(key);
        int editors = 20;
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < editors; i++) {
            var note = "concurrent edit " + i;
            tasks.add(() -> {
                for (int attempt = 1; attempt <= 200; attempt++) {
                    var response = post(editor, UPDATE, Map.of("input", Map.of("organisation", key,
                            "version", version(key), "note", note)));
                    if (!"CONFLICT".equals(classification(response))) {
                        assertThat(response.body().at("/errors").isMissingNode()).as(response.text()).isTrue();
                        return attempt;
                    }
                }
                throw new AssertionError("no attempt of '" + note + "' was accepted");
            });
        }
        try (var pool = Executors.newFixedThreadPool(editors)) {
            var futures = pool.invokeAll(tasks, 120, TimeUnit.SECONDS);
            int conflicts = 0;
            for (var future : futures) {
                conflicts += future.get() - 1;
            }
            assertThat(conflicts).as("concurrent editors met conflicts").isPositive();
        }
        assertThat(version(key)).isEqualTo(start + editors);
        var history = post(null, """
                query($key: String!) { organisation(slug: $key) {
                  revisions(first: 100) { totalCount edges { node { version changes { field to } } } } } }""",
                Map.of("key", key)).body().at("/data/organisation/revisions");
        assertThat(history.at("/totalCount").asInt()).isEqualTo(before + editors);
        var notes = new ArrayList<String>();
        var versions = new ArrayList<Integer>();
        for (var edge : history.at("/edges")) {
            if (edge.at("/node/version").asInt() > start) {
                versions.add(edge.at("/node/version").asInt());
                notes.add(edge.at("/node/changes/0/to").asString());
            }
        }
        assertThat(versions).hasSize(editors).doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(v).isBetween(start + 1, start + editors));
        var expected = new ArrayList<String>();
        for (int i = 0; i < editors; i++) {
            expected.add("\"concurrent edit " + i + "\"");
        }
        assertThat(notes).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aReimportOfTheSeedKeepsTheEdit() {
        var key = "amt-fuer-migration-und-integration-duesseldorf";
        var done = post(editor, UPDATE, Map.of("input", Map.of("organisation", key, "version", version(key),
                "note", "edited through the API")));
        assertThat(done.body().at("/errors").isMissingNode()).as(done.text()).isTrue();
        var result = importer.importFrom("classpath:graph-seed/");
        assertThat(result.keptEdits()).contains(key + ".note");
        assertThat(note(key)).isEqualTo("edited through the API");
    }

    // ------------------------------------------------------------------ helpers

    private String token(String name, String role, List<String> organisations) {
        return new GraphQlHttp(port).createToken(admin, name, role,
                organisations == null ? new String[0] : organisations.toArray(String[]::new)).secret();
    }

    private int version(String key) {
        return post(null, "query($key: String!) { organisation(slug: $key) { version } }", Map.of("key", key))
                .body().at("/data/organisation/version").asInt();
    }

    private String note(String key) {
        return post(null, "query($key: String!) { organisation(slug: $key) { note } }", Map.of("key", key))
                .body().at("/data/organisation/note").asString(null);
    }

    private int revisionCount(String key) {
        return post(null, "query($key: String!) { organisation(slug: $key) { revisions { totalCount } } }",
                Map.of("key", key)).body().at("/data/organisation/revisions/totalCount").asInt();
    }

    private GraphQlHttp.Response post(String bearer, String query, Map<String, Object> variables) {
        return new GraphQlHttp(port).post(bearer, query, variables);
    }

    private static String classification(GraphQlHttp.Response response) {
        return response.classification();
    }
}
