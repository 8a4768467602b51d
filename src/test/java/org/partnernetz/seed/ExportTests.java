package org.partnernetz.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.partnernetz.PartnernetzApplication;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphFingerprint;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The export: the graph with edits made over HTTP, exported and imported into an empty database, is
 * the same network (the fingerprint of its entities and their relationships), and exporting that
 * copy gives the same files; the download is for admins only; the command-line option writes the
 * files and exits. Edits touch only entities no other test reads, and are undone afterwards (a
 * re-import reports kept edits that differ from the seed).
 */
@FullStackTest
@ExtendWith(OutputCaptureExtension.class)
class ExportTests {

    private static final String SOURCE = "src-whkt-2019-06-26-ehrenamt-bewegt";

    private static final String UPDATE = """
            mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { version } } }""";
    private static final String ADD = """
            mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { id relationship { version } } }""";
    private static final String REMOVE = """
            mutation($id: ID!, $version: Int!) { removeRelationship(input: {id: $id, version: $version}) { id } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SeedExporter exporter;

    @Autowired
    SeedReader reader;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path temp;

    GraphQlHttp http;
    String admin;
    String editor;

    @BeforeEach
    void tokens() {
        http = new GraphQlHttp(port);
        admin = tokens.createFirstAdmin("export admin").secret();
        editor = token("export editor " + System.nanoTime(), "EDITOR");
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseGivesTheSameNetwork() throws IOException {
        // A note over two lines, with characters YAML gives a meaning to.
        var previous = update("landkreistag-nrw", Map.of("note", "Export check: confirmed by phone\n# not a comment, 'quoted' \"twice\"",
                "website", "https://example.org/landkreistag"));
        var added = new ArrayList<String[]>();
        try {
            // A sum of ten million or more is written as 1.25E7: the round trip covers that too.
            added.add(add(Map.of("type", "FUNDS", "from", "mkw-nrw", "to", "staedtetag-nrw", "amount", 12_500_000.0,
                    "currency", "EUR", "period", "per year", "since", "2019-03", "basis", "INFERRED",
                    "note", "export check", "sources", List.of(SOURCE))));
            added.add(add(Map.of("type", "WORKS_ON", "from", "mwide-nrw", "to", "foerdermittelberatung",
                    "basis", "STATED", "sources", List.of(SOURCE, "src-mais-2016-10-19-dortmund"))));

            var export = temp.resolve("export");
            var exported = exporter.writeTo(export);
            var here = GraphFingerprint.entities(neo4j);
            assertThat(exported.counts().keySet()).containsExactlyElementsOf(SeedSet.FILES);
            assertThat(here).hasSizeGreaterThan(1000)
                    .anySatisfy(line -> assertThat(line).startsWith("node Entity:Organisation")
                            .contains("note=Export check: confirmed by phone", "website=https://example.org/landkreistag"))
                    .anySatisfy(line -> assertThat(line).startsWith("rel FUNDS mkw-nrw->staedtetag-nrw")
                            .contains("amount=1.25E7", "period=per year"))
                    .anySatisfy(line -> assertThat(line).startsWith("rel WORKS_ON mwide-nrw->foerdermittelberatung"));

            try (var copy = hubOn(temp.resolve("data"), export)) {
                var there = GraphFingerprint.entities(copy.getBean(Neo4jClient.class));
                assertThat(onlyIn(here, there)).as("only in the exported graph").isEmpty();
                assertThat(onlyIn(there, here)).as("only in the imported copy").isEmpty();
                assertThat(there).isEqualTo(here);

                var again = temp.resolve("again");
                copy.getBean(SeedExporter.class).writeTo(again);
                for (var file : SeedSet.FILES) {
                    assertThat(Files.readString(again.resolve(file))).as(file)
                            .isEqualTo(Files.readString(export.resolve(file)));
                }
            }
        } finally {
            update("landkreistag-nrw", previous);
            for (var relationship : added) {
                var removed = http.post(editor, REMOVE, Map.of("id", relationship[0], "version",
                        Integer.parseInt(relationship[1])));
                assertThat(removed.ok()).as(removed.text()).isTrue();
            }
        }
    }

    @Test
    void theDownloadIsAZipOfTheSeedFilesForAdminsOnly(CapturedOutput output) throws IOException {
        var previous = update("mkffi-nrw", Map.of("note", "Export download check"));
        try {
            assertThat(download(null).statusCode()).isEqualTo(401);
            assertThat(download("pn_" + "x".repeat(43)).statusCode()).isEqualTo(401);
            assertThat(download(token("export partner " + System.nanoTime(), "PARTNER")).statusCode()).isEqualTo(403);
            assertThat(download(editor).statusCode()).isEqualTo(403);

            var response = download(admin);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"partnernetz-export-" + LocalDate.now(ZoneOffset.UTC) + ".zip\"");
            var files = new HashMap<String, String>();
            try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(SeedSet.FILES);
            assertThat(files.get(SeedSet.ORGANISATIONS)).contains("- key: mkffi-nrw", "note: Export download check");
            assertThat(files.get(SeedSet.RELATIONSHIPS)).contains("- type: ACTIVE_IN");
            assertThat(files.get(SeedSet.SOURCES)).as("dates are quoted").contains("  date: \"20");
            assertThat(output.getAll()).doesNotContain(admin).doesNotContain(editor);
        } finally {
            update("mkffi-nrw", previous);
        }
    }

    @Test
    void theCommandLineOptionWritesTheExportThatTheSeedReaderReadsAndExits() {
        assertThat(context.getBean(ExportOnCommandLine.class)).isNotNull();
        var exits = new ArrayList<Integer>();
        var runner = new ExportOnCommandLine(exporter, context) {
            @Override
            void exit(int code) {
                exits.add(code);
            }
        };
        runner.run(new DefaultApplicationArguments("--partnernetz.seed.mode=always"));
        assertThat(exits).as("no export asked for: the hub goes on").isEmpty();

        var directory = temp.resolve("cli");
        runner.run(new DefaultApplicationArguments("--partnernetz.export=" + directory));
        assertThat(exits).containsExactly(0);
        var seed = reader.read("file:" + directory + "/");
        var labels = SeedValidator.validate(seed);
        assertThat(labels).hasSize(count("MATCH (n:Entity) RETURN count(n)"));
        assertThat(seed.relationships()).isNotEmpty();
        assertThat(seed.organisations()).anySatisfy(o -> assertThat(o.key()).isEqualTo("whkt"));
    }

    // ------------------------------------------------------------------ helpers

    /** A hub without a web server on its own, empty database, importing the seed at {@code seed}. */
    private static ConfigurableApplicationContext hubOn(Path data, Path seed) {
        return new SpringApplicationBuilder(PartnernetzApplication.class)
                .web(WebApplicationType.NONE)
                .run("--partnernetz.embedded.data-directory=" + data,
                        "--partnernetz.embedded.bolt-port=0",
                        "--partnernetz.embedded.page-cache=32MB",
                        "--partnernetz.seed.mode=if-empty",
                        "--partnernetz.seed.location=file:" + seed + "/");
    }

    private static List<String> onlyIn(List<String> lines, List<String> others) {
        var only = new ArrayList<>(lines);
        only.removeAll(new java.util.HashSet<>(others));
        return only;
    }

    /** Changes an organisation's text fields over HTTP; returns what they were ("" for none), to change them back. */
    private Map<String, Object> update(String organisation, Map<String, Object> changes) {
        var before = http.post(null, "query($key: String!) { organisation(slug: $key) { version %s } }"
                .formatted(String.join(" ", changes.keySet())), Map.of("key", organisation)).body().at("/data/organisation");
        var input = new HashMap<String, Object>(changes);
        input.put("organisation", organisation);
        input.put("version", before.at("/version").asInt());
        var done = http.post(editor, UPDATE, Map.of("input", input));
        assertThat(done.ok()).as(done.text()).isTrue();
        var previous = new HashMap<String, Object>();
        changes.keySet().forEach(field -> previous.put(field, before.at("/" + field).asString("")));
        return previous;
    }

    /** Adds a relationship; returns its id and version. */
    private String[] add(Map<String, Object> input) {
        var done = http.post(editor, ADD, Map.of("input", input));
        assertThat(done.ok()).as(done.text()).isTrue();
        var added = done.body().at("/data/addRelationship");
        return new String[] {added.at("/id").asString(), String.valueOf(added.at("/relationship/version").asInt())};
    }

    private String token(String name, String role) {
        return http.createToken(admin, name, role).secret();
    }

    private HttpResponse<byte[]> download(String bearer) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/export")).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int count(String cypher) {
        return neo4j.query(cypher).fetchAs(Integer.class).one().orElseThrow();
    }
}
