package org.partnernetz.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.partnernetz.network.CollaborationDeriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the hub's main queries behave on a network of NRW's full size (about 100k organisations and
 * 1M relationships, see DESIGN.md). Starts the real hub with the curated seed, writes a synthetic
 * network into the same embedded database ({@link SyntheticNetwork}), derives the collaborations with
 * the hub's own {@link CollaborationDeriver}, then times the network and list queries over HTTP and
 * profiles the exact Cypher each request sends. Writes the figures to
 * {@code bench/results/scale-<date>.md} and prints them.
 *
 * <p>Tagged {@code scale}: the normal build leaves it out; {@code bench/scale.sh} (Maven profile
 * {@code scale-bench}) runs it. Sizes and limits are system properties {@code scale.*}, see
 * {@code bench/scale.sh}.
 */
@Tag("scale")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("test")
@Import(QueryRecorder.Config.class)
@DirtiesContext
@TestExecutionListeners(listeners = ScaleBenchmark.RemoveDatabase.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ScaleBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("scale.organisations", 100_000);
    private static final int RELATIONSHIPS = Integer.getInteger("scale.relationships", 1_000_000);
    private static final long SEED = Long.getLong("scale.seed", 42);
    private static final int BATCH = Integer.getInteger("scale.batchSize", 10_000);
    private static final int WARMUP = Integer.getInteger("scale.warmup", 3);
    /**
     * Seconds of requests, every query in turn, before anything is timed: a hub in service has
     * compiled its hot code, and one that has just written a million relationships has not.
     */
    private static final int WARM_SECONDS = Integer.getInteger("scale.warmSeconds", 60);
    private static final int REPEATS = Integer.getInteger("scale.repeats", 20);
    private static final int QUERY_TIMEOUT = Integer.getInteger("scale.queryTimeoutSeconds", 60);
    /** After this much time spent on one query's measured runs, stop repeating it. */
    private static final int QUERY_BUDGET = Integer.getInteger("scale.queryBudgetSeconds", 150);
    private static final String PAGE_CACHE = System.getProperty("scale.pageCache", "2GB");
    private static final String REGION = System.getProperty("scale.region", "amr-westfaelisches-ruhrgebiet");
    private static final String DISTRICT = System.getProperty("scale.district", "kreis-olpe");
    private static final String NAME = System.getProperty("scale.name", "integration");
    /** The time window of the windowed collaboration queries. */
    private static final String FROM = System.getProperty("scale.from", "2019");
    private static final String TO = System.getProperty("scale.to", "2020");
    private static final boolean KEEP_DATA = Boolean.getBoolean("scale.keepData");

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("partnernetz.embedded.data-directory", DATA::toString);
        registry.add("partnernetz.embedded.page-cache", () -> PAGE_CACHE);
        // Writing the network and deriving collaborations are long transactions; queries get
        // QUERY_TIMEOUT once they are done (see tightenTransactionTimeout).
        registry.add("partnernetz.embedded.transaction-timeout", () -> "6h");
        // The hub's own request limit (20 s) would hide how slow a slow query really is.
        registry.add("partnernetz.graphql.timeout", () -> (QUERY_TIMEOUT + 5) + "s");
        // The answer cache would answer every repeat of a query without reading the graph; the
        // benchmark times the read model.
        registry.add("partnernetz.http.answers.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    CollaborationDeriver collaborations;

    @Autowired
    org.partnernetz.network.PartnerDerivation partners;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    DatabaseManagementService database;

    @Autowired
    QueryRecorder recorder;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void measuresTheMainQueriesOnANetworkOfNrwsSize() {
        var report = new Report();
        System.out.printf("%nScale benchmark: %,d organisations, %,d relationships (seed %d)%n",
                ORGANISATIONS, RELATIONSHIPS, SEED);

        var network = new SyntheticNetwork(driver,
                database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), BATCH, SEED).write(ORGANISATIONS, RELATIONSHIPS);
        run("CALL db.awaitIndexes(600)");
        System.out.printf("Generated in %,d ms: %s%n", network.millis(), network.relationships());

        var derivation = new Derivation();
        var started = System.nanoTime();
        List<QueryRecorder.Recorded> sent;
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                .forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        try (var memory = new TransactionMemory()) {
            sent = recorder.during(() -> {
                try {
                    derivation.collaborations = collaborations.rebuild("scale-benchmark-" + SEED);
                } catch (RuntimeException e) {
                    derivation.error = firstLine(e);
                }
            }).stream().filter(q -> !q.text().startsWith("SHOW")).toList();
            derivation.memory = memory.peak();
        }
        derivation.heapPeakMb = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        var ended = System.nanoTime();
        derivation.millis = (ended - started) / 1_000_000;
        long partnersStarted = System.nanoTime();
        partners.rebuild();
        derivation.partnersMillis = (System.nanoTime() - partnersStarted) / 1_000_000;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).text().startsWith("CREATE INDEX")) {
                continue;
            }
            var end = i + 1 < sent.size() ? sent.get(i + 1).sentAt() : ended;
            derivation.steps.add("%s: %,.1f s".formatted(sent.get(i).text().strip().lines().findFirst().orElse(""),
                    (end - sent.get(i).sentAt()) / 1e9));
        }
        System.out.printf("Derived %,d collaborations in %,d ms %s, transaction memory %s%s%n", derivation.collaborations,
                derivation.millis, derivation.steps, derivation.memory,
                derivation.error == null ? "" : " (failed: " + derivation.error + ")");
        tightenTransactionTimeout();
        var busiest = network.busiestSlug();
        var benches = benches(busiest);
        warmUp(benches);
        measureOneChange(derivation);

        var counts = counts();
        var results = new ArrayList<Result>();
        for (var bench : benches) {
            var result = measure(bench);
            results.add(result);
            System.out.println(result.row());
        }

        System.gc();
        var memory = memory();
        report.write(network, derivation, counts, results, memory);
        assertThat(derivation.error).isNull();
        assertThat(results).isNotEmpty();
        assertThat(counts.get("Organisation")).isGreaterThanOrEqualTo(ORGANISATIONS);
    }

    /**
     * One edit as the editing API will make it: an organisation joins the project whose number of
     * participants is nearest 50, and the derived partner membership and collaboration links it
     * touches are re-derived in the same transaction. Timed 20 times (each undone, untimed, after).
     */
    private void measureOneChange(Derivation derivation) {
        try (var session = driver.session()) {
            var project = session.run("""
                    MATCH (p:Project)<-[:PARTICIPATES_IN]-(o:Organisation)
                    WITH p, count(o) AS participants ORDER BY abs(participants - 50), p.key LIMIT 1
                    RETURN p.key AS key, participants
                    """).single();
            var projectKey = project.get("key").asString();
            var organisationKey = session.run("""
                    MATCH (o:Organisation), (p:Entity {key: $project})
                    WHERE NOT (o)-[:PARTICIPATES_IN]->(p) RETURN o.key AS key ORDER BY o.key LIMIT 1
                    """, org.neo4j.driver.Values.parameters("project", projectKey)).single().get("key").asString();
            var millis = new ArrayList<Double>();
            var partnerMillis = new ArrayList<Double>();
            var collaborationMillis = new ArrayList<Double>();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                transactions.executeWithoutResult(status -> {
                    neo4jClient().query("""
                            MATCH (o:Entity {key: $organisation}), (p:Entity {key: $project})
                            CREATE (o)-[:PARTICIPATES_IN {key: 'bench-change', role: 'PARTNER', basis: 'stated', origin: 'api', sources: []}]->(p)
                            """).bind(organisationKey).to("organisation").bind(projectKey).to("project").run();
                    long partnersStarted = System.nanoTime();
                    partners.refresh(List.of(organisationKey));
                    long collaborationsStarted = System.nanoTime();
                    collaborations.refresh(List.of(projectKey));
                    partnerMillis.add((collaborationsStarted - partnersStarted) / 1e6);
                    collaborationMillis.add((System.nanoTime() - collaborationsStarted) / 1e6);
                });
                millis.add((System.nanoTime() - started) / 1e6);
                transactions.executeWithoutResult(status -> {
                    neo4jClient().query("MATCH ()-[r {key: 'bench-change'}]->() DELETE r").run();
                    partners.refresh(List.of(organisationKey));
                    collaborations.refresh(List.of(projectKey));
                });
            }
            millis.sort(Double::compare);
            partnerMillis.sort(Double::compare);
            collaborationMillis.sort(Double::compare);
            derivation.oneChange = ("p50 %,.1f ms, max %,.1f ms (project with %d participants, 20 changes, the write and the"
                    + " commit included); of that, p50 %,.1f ms re-deriving the partner membership and %,.1f ms the collaborations")
                    .formatted(millis.get(millis.size() / 2), millis.getLast(), project.get("participants").asInt(),
                            partnerMillis.get(partnerMillis.size() / 2), collaborationMillis.get(collaborationMillis.size() / 2));
            System.out.println("One change re-derived: " + derivation.oneChange);
            derivation.oneEdit = editOverHttp(organisationKey, projectKey, project.get("participants").asInt());
            System.out.println("One edit over HTTP: " + derivation.oneEdit);
        } catch (RuntimeException e) {
            derivation.oneChange = "failed: " + firstLine(e);
        }
    }

    @Autowired
    org.partnernetz.account.ApiTokens apiTokens;

    /**
     * The same change as an editor makes it: {@code addRelationship} over HTTP with an API token, the
     * check by the seed's rules, the write, the derived facts and the revision in one transaction;
     * then {@code removeRelationship}, 20 times.
     */
    private String editOverHttp(String organisationKey, String projectKey, int participants) {
        var token = apiTokens.createFirstAdmin("scale benchmark").secret();
        var source = neo4jClient().query("MATCH (s:Source) RETURN s.key ORDER BY s.key LIMIT 1").fetchAs(String.class)
                .one().orElseThrow();
        var add = """
                mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { id relationship { version } } }""";
        var remove = """
                mutation($id: ID!, $version: Int!) { removeRelationship(input: {id: $id, version: $version}) { id } }""";
        var adds = new ArrayList<Double>();
        var removes = new ArrayList<Double>();
        for (int i = 0; i < 20; i++) {
            var added = requestAs(token, add, Map.of("input", Map.of("type", "PARTICIPATES_IN", "from", organisationKey,
                    "to", projectKey, "role", "PARTNER", "basis", "STATED", "sources", List.of(source))));
            if (added.failure() != null) {
                return "failed: " + added.failure();
            }
            adds.add(added.micros() / 1000.0);
            var removed = requestAs(token, remove, Map.of("id", added.json().at("/data/addRelationship/id").asString(),
                    "version", added.json().at("/data/addRelationship/relationship/version").asInt()));
            if (removed.failure() != null) {
                return "failed: " + removed.failure();
            }
            removes.add(removed.micros() / 1000.0);
        }
        // Where one edit's time goes: each query the hub sent, timed until the next one was sent.
        var timeline = new long[2];
        var sent = recorder.during(() -> {
            timeline[0] = System.nanoTime();
            var added = requestAs(token, add, Map.of("input", Map.of("type", "PARTICIPATES_IN", "from", organisationKey,
                    "to", projectKey, "role", "PARTNER", "basis", "STATED", "sources", List.of(source))));
            timeline[1] = System.nanoTime();
            requestAs(token, remove, Map.of("id", added.json().at("/data/addRelationship/id").asString(),
                    "version", added.json().at("/data/addRelationship/relationship/version").asInt()));
        });
        editSteps = timeline(sent, timeline[0], timeline[1]);
        System.out.println("One edit over HTTP, query by query:" + editSteps);
        adds.sort(Double::compare);
        removes.sort(Double::compare);
        return "addRelationship p50 %,.1f ms, max %,.1f ms; removeRelationship p50 %,.1f ms (project with %d participants, 20 of each, over HTTP with an API token)"
                .formatted(adds.get(adds.size() / 2), adds.getLast(), removes.get(removes.size() / 2), participants);
    }

    /**
     * The queries a request sent between {@code start} and {@code end} (nanoTime), each with the time
     * until the next was sent (its answer and the work before the next); the last until the answer.
     */
    private static String timeline(List<QueryRecorder.Recorded> sent, long start, long end) {
        var steps = new StringBuilder();
        long previous = start;
        String label = "request in, until the first query";
        for (var query : sent) {
            if (query.sentAt() > end) {
                break;
            }
            steps.append("%n    %6.1f ms  %s".formatted((query.sentAt() - previous) / 1e6, label));
            previous = query.sentAt();
            label = query.text().strip().replaceAll("\\s+", " ");
            label = label.length() > 90 ? label.substring(0, 90) + " ..." : label;
        }
        steps.append("%n    %6.1f ms  %s, then the answer (mapping, JSON, HTTP)".formatted((end - previous) / 1e6, label));
        return steps.toString();
    }

    /** One HTTP edit, query by query (see {@link #editOverHttp}). */
    private String editSteps = "";

    private Response requestAs(String token, String query, Map<String, Object> variables) {
        return request(json.writeValueAsString(Map.of("query", query, "variables", variables)), token);
    }

    @Autowired
    org.springframework.data.neo4j.core.Neo4jClient neo4jClientBean;

    private org.springframework.data.neo4j.core.Neo4jClient neo4jClient() {
        return neo4jClientBean;
    }

    /**
     * Removes the database once the hub is shut down: this listener comes first, so its
     * {@code afterTestClass} runs last, after {@link DirtiesContext} has closed the context.
     */
    static class RemoveDatabase implements TestExecutionListener, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void afterTestClass(TestContext testContext) {
            if (KEEP_DATA) {
                System.out.println("Database kept in " + DATA);
                return;
            }
            try {
                FileSystemUtils.deleteRecursively(DATA);
            } catch (IOException e) {
                System.err.println("Could not remove " + DATA + ": " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ what is measured

    /** What {@link CollaborationDeriver#rebuild(String)} did: how many, how long (per query it sent), how much memory. */
    private static final class Derivation {
        int collaborations = -1;
        String error;
        long millis;
        long partnersMillis;
        String oneChange = "not measured";
        String oneEdit = "not measured";
        String memory;
        long heapPeakMb;
        final List<String> steps = new ArrayList<>();
    }

    /**
     * The largest transaction memory Neo4j reports ({@code SHOW TRANSACTIONS}, estimated heap use)
     * while it runs, sampled twice a second: what a long write really needs, and how close it came
     * to {@code dbms.memory.transaction.total.max}.
     */
    private final class TransactionMemory implements AutoCloseable {

        private final AtomicLong peak = new AtomicLong(-1);
        private final Thread sampler;
        private volatile boolean running = true;

        TransactionMemory() {
            sampler = Thread.ofPlatform().daemon().name("transaction-memory").start(() -> {
                while (running) {
                    try (var session = driver.session()) {
                        var value = session.run("""
                                SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory, currentQuery
                                WHERE NOT currentQuery STARTS WITH 'SHOW'
                                RETURN max(estimatedUsedHeapMemory) AS bytes
                                """).single().get("bytes");
                        if (!value.isNull()) {
                            peak.accumulateAndGet(value.asLong(), Math::max);
                        }
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // a busy or closing database: try again
                    }
                }
            });
        }

        String peak() {
            var bytes = peak.get();
            return bytes < 0 ? "?" : "%,d MB".formatted(bytes >> 20);
        }

        @Override
        public void close() {
            running = false;
            sampler.interrupt();
            try {
                sampler.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A GraphQL request to time: a document from graphql-test/, its variables, where its total is. */
    private record Bench(String name, String document, Supplier<Map<String, Object>> variables, String totalAt,
            boolean profile) {
    }

    private List<Bench> benches(String busiest) {
        var secondPage = new Object() {
            String cursor;
        };
        var partners = "partnersInRegion";
        var collaborationsIn = "collaborationsInRegion";
        var inWindow = "collaborationsInWindow";
        var strongest = "collaborationsStrongest";
        var strongestInWindow = "collaborationsStrongestInWindow";
        return List.of(
                new Bench("partners(region: \"" + REGION + "\", first: 20) with ties", partners,
                        () -> Map.of("region", REGION, "first", 20), "/data/partners/totalCount", true),
                new Bench("the same, after: the cursor of page 1", partners, () -> {
                    if (secondPage.cursor == null) {
                        var first = request(body(partners, Map.of("region", REGION, "first", 20)));
                        secondPage.cursor = first.json() == null ? null
                                : first.json().at("/data/partners/pageInfo/endCursor").asString(null);
                    }
                    return secondPage.cursor == null ? null
                            : Map.of("region", REGION, "first", 20, "after", secondPage.cursor);
                }, "/data/partners/totalCount", true),
                new Bench("partners(region: \"nrw\", first: 20) with ties", partners,
                        () -> Map.of("region", "nrw", "first", 20), "/data/partners/totalCount", true),
                new Bench("the same with ties(first: 100)", partners,
                        () -> Map.of("region", "nrw", "first", 20, "ties", 100), "/data/partners/totalCount", true),
                new Bench("partners(region: \"" + DISTRICT + "\", first: 20) with ties", partners,
                        () -> Map.of("region", DISTRICT, "first", 20), "/data/partners/totalCount", true),
                new Bench("collaborations(region: \"" + REGION + "\", first: 20)", collaborationsIn,
                        () -> Map.of("region", REGION, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"nrw\", first: 20)", collaborationsIn,
                        () -> Map.of("region", "nrw", "first", 20), "/data/collaborations/totalCount", true),
                new Bench("the same with links(first: 100)", collaborationsIn,
                        () -> Map.of("region", "nrw", "first", 20, "links", 100), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"" + DISTRICT + "\", first: 20)", collaborationsIn,
                        () -> Map.of("region", DISTRICT, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"" + REGION + "\", from: \"" + FROM + "\", to: \"" + TO + "\", first: 20)",
                        inWindow, () -> Map.of("region", REGION, "from", FROM, "to", TO, "first", 20), null, true),
                new Bench("collaborations(region: \"nrw\", from: \"" + FROM + "\", to: \"" + TO + "\", first: 20)",
                        inWindow, () -> Map.of("region", "nrw", "from", FROM, "to", TO, "first", 20), null, true),
                new Bench("collaborations(region: \"" + DISTRICT + "\", from: \"" + FROM + "\", to: \"" + TO + "\", first: 20)",
                        inWindow, () -> Map.of("region", DISTRICT, "from", FROM, "to", TO, "first", 20), null, true),
                new Bench("the same for \"" + REGION + "\" with totalCount (counts every pair of the region)",
                        collaborationsIn, () -> Map.of("region", REGION, "from", FROM, "to", TO, "first", 20),
                        "/data/collaborations/totalCount", true),
                new Bench("collaborations(organisation: busiest, first: 20)", collaborationsIn,
                        () -> Map.of("organisation", busiest, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(organisation: busiest, from: \"" + FROM + "\", to: \"" + TO + "\", first: 20)",
                        collaborationsIn, () -> Map.of("organisation", busiest, "from", FROM, "to", TO, "first", 20),
                        "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"nrw\", first: 20), pairs and weights only", strongest,
                        () -> Map.of("region", "nrw", "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"" + REGION + "\", first: 20), pairs and weights only", strongest,
                        () -> Map.of("region", REGION, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"" + DISTRICT + "\", first: 20), pairs and weights only", strongest,
                        () -> Map.of("region", DISTRICT, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(organisation: busiest, first: 20), pairs and weights only", strongest,
                        () -> Map.of("organisation", busiest, "first", 20), "/data/collaborations/totalCount", true),
                new Bench("collaborations(region: \"nrw\", from: \"" + FROM + "\", to: \"" + TO + "\", first: 20), pairs and weights only",
                        strongestInWindow, () -> Map.of("region", "nrw", "from", FROM, "to", TO, "first", 20), null, true),
                new Bench("collaborations(region: \"" + DISTRICT + "\", from: \"" + FROM + "\", to: \"" + TO + "\", first: 20), pairs and weights only",
                        strongestInWindow, () -> Map.of("region", DISTRICT, "from", FROM, "to", TO, "first", 20), null, true),
                new Bench("organisations(name: \"" + NAME + "\", first: 20)", "organisationsByName",
                        () -> Map.of("name", NAME, "first", 20), "/data/organisations/totalCount", true),
                new Bench("organisation(slug: busiest) { participations(first: 20) }", "organisationParticipations",
                        () -> Map.of("slug", busiest, "first", 20), "/data/organisation/participations/totalCount", true),
                new Bench("organisation(id: busiest) with every relationship list (organisationDetails)",
                        "organisationDetails", () -> Map.of("id", busiest), "/data/organisation/participations/totalCount",
                        true),
                new Bench("network(region: \"" + REGION + "\", limit: 500)", "networkView",
                        () -> Map.of("region", REGION, "limit", 500), "/data/network/nodeCount", true),
                new Bench("network(region: \"" + REGION + "\", from: \"" + FROM + "\", to: \"" + TO + "\", limit: 500)",
                        "networkView", () -> Map.of("region", REGION, "from", FROM, "to", TO, "limit", 500),
                        "/data/network/nodeCount", true),
                new Bench("network(region: \"nrw\", limit: 500)", "networkView",
                        () -> Map.of("region", "nrw", "limit", 500), "/data/network/nodeCount", true),
                new Bench("network(organisation: busiest, limit: 500)", "networkView",
                        () -> Map.of("organisation", busiest, "limit", 500), "/data/network/nodeCount", true),
                new Bench("path(from: syn-org-1, to: syn-org-2, maxHops: 4)", "networkPath",
                        () -> Map.of("from", "Organisation:syn-org-1", "to", "Organisation:syn-org-2", "maxHops", 4),
                        "/data/path/length", true),
                new Bench("networkMeasures(region: \"" + REGION + "\", limit: 500, first: 20)", "networkMeasures",
                        () -> Map.of("region", REGION, "limit", 500, "first", 20), "/data/networkMeasures/nodeCount",
                        false));
    }

    /** One HTTP request: how long it took, and what came back. */
    private record Response(long micros, JsonNode json, String failure) {

        boolean ok() {
            return failure == null;
        }
    }

    /** A profiled Cypher query of a request. */
    private record Profile(String text, long dbHits, long maxRows, long memoryBytes, long millis, ProfiledPlan plan,
            String failure) {
    }

    /** What one bench measured. */
    private record Result(Bench bench, String outcome, List<Long> micros, Integer total, List<Profile> profiles,
            long responseBytes, String timeline) {

        Result(Bench bench, String outcome, List<Long> micros, Integer total, List<Profile> profiles, long responseBytes) {
            this(bench, outcome, micros, total, profiles, responseBytes, "");
        }

        long percentile(double p) {
            var sorted = micros.stream().sorted().toList();
            var index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        long dbHits() {
            return profiles.stream().mapToLong(Profile::dbHits).sum();
        }

        Profile heaviest() {
            return profiles.stream().max(Comparator.comparingLong(Profile::dbHits)).orElse(null);
        }

        boolean profileFailed() {
            return profiles.stream().anyMatch(p -> p.failure() != null);
        }

        String row() {
            var heaviest = heaviest();
            return "| %s | %s | %d | %s | %s | %s | %s | %s | %d | %s | %s |".formatted(
                    bench.name(), outcome, micros.size(),
                    micros.isEmpty() ? "–" : ms(percentile(0.5)), micros.isEmpty() ? "–" : ms(percentile(0.95)),
                    micros.isEmpty() ? "–" : ms(micros.stream().mapToLong(Long::longValue).max().orElse(0)),
                    total == null ? "–" : "%,d".formatted(total),
                    responseBytes == 0 ? "–" : "%,d kB".formatted(Math.max(1, responseBytes / 1024)), profiles.size(),
                    profiles.isEmpty() ? "–" : profileFailed() ? "≥ %,d (%s)".formatted(dbHits(), failures())
                            : "%,d".formatted(dbHits()),
                    heaviest == null ? "–" : heaviest.failure() != null ? heaviest.failure()
                            : "%,d db hits, %,d rows at most, %s memory, %,d ms".formatted(heaviest.dbHits(),
                                    heaviest.maxRows(), bytes(heaviest.memoryBytes()), heaviest.millis()));
        }

        private String failures() {
            return profiles.stream().filter(p -> p.failure() != null).map(Profile::failure).distinct()
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
    }

    /** How the hub was warmed before anything was timed. */
    private String warmedUp = "not warmed up";

    /** Every query in turn, round after round, for {@link #WARM_SECONDS} (whole rounds; at least one). */
    private void warmUp(List<Bench> benches) {
        long started = System.nanoTime();
        int rounds = 0;
        int requests = 0;
        do {
            for (var bench : benches) {
                var variables = bench.variables().get();
                if (variables != null) {
                    request(body(bench.document(), variables));
                    requests++;
                }
            }
            rounds++;
        } while (System.nanoTime() - started < WARM_SECONDS * 1_000_000_000L);
        warmedUp = "%d rounds through every query (%,d requests, %.0f s)".formatted(rounds, requests,
                (System.nanoTime() - started) / 1e9);
        System.out.println("Warmed up: " + warmedUp);
    }

    private Result measure(Bench bench) {
        System.out.println("Measuring " + bench.name() + " ...");
        var variables = bench.variables().get();
        if (variables == null) {
            return new Result(bench, "skipped: no cursor from page 1", List.of(), null, List.of(), 0);
        }
        var body = body(bench.document(), variables);
        var first = new Response[1];
        var cypher = recorder.during(() -> first[0] = request(body));
        if (!first[0].ok()) {
            return new Result(bench, first[0].failure(), List.of(), null, profile(bench, cypher), 0);
        }
        var total = bench.totalAt() == null ? null : first[0].json().at(bench.totalAt());
        var slowest = first[0].micros();
        for (int i = 1; i < WARMUP && slowest < QUERY_BUDGET * 1_000_000L / 5; i++) {
            var warm = request(body);
            if (!warm.ok()) {
                return new Result(bench, warm.failure(), List.of(), null, profile(bench, cypher), 0);
            }
            slowest = Math.max(slowest, warm.micros());
        }
        var micros = new ArrayList<Long>();
        var spent = 0L;
        var outcome = "ok";
        for (int i = 0; i < REPEATS && spent < QUERY_BUDGET * 1_000_000L; i++) {
            var response = request(body);
            if (!response.ok()) {
                outcome = response.failure();
                break;
            }
            micros.add(response.micros());
            spent += response.micros();
        }
        if (outcome.equals("ok") && micros.size() < REPEATS) {
            outcome = "ok (budget of " + QUERY_BUDGET + " s reached)";
        }
        // One more, warm, request with the time between its queries, to show where a page's time goes.
        var span = new long[2];
        var sent = recorder.during(() -> {
            span[0] = System.nanoTime();
            request(body);
            span[1] = System.nanoTime();
        });
        return new Result(bench, outcome, micros, total == null || total.isMissingNode() || total.isNull() ? null : total.asInt(),
                profile(bench, cypher), first[0].json().toString().length(), timeline(sent, span[0], span[1]));
    }

    private List<Profile> profile(Bench bench, List<QueryRecorder.Recorded> cypher) {
        if (!bench.profile()) {
            return List.of();
        }
        var profiles = new ArrayList<Profile>();
        for (var query : cypher) {
            profiles.add(profile(query));
        }
        return profiles;
    }

    private Profile profile(QueryRecorder.Recorded query) {
        var started = System.nanoTime();
        try (var session = driver.session()) {
            var summary = session.run(new Query("PROFILE " + query.text(), query.parameters()),
                    TransactionConfig.builder().withTimeout(Duration.ofSeconds(QUERY_TIMEOUT)).build()).consume();
            var plan = summary.profile();
            var memory = plan.arguments().get("GlobalMemory");
            return new Profile(query.text(), dbHits(plan), maxRows(plan), memory == null ? -1 : memory.asLong(),
                    (System.nanoTime() - started) / 1_000_000, plan, null);
        } catch (RuntimeException e) {
            var millis = (System.nanoTime() - started) / 1_000_000;
            var failure = millis >= QUERY_TIMEOUT * 950L ? "timeout (> " + QUERY_TIMEOUT + " s)" : "failed: " + firstLine(e);
            return new Profile(query.text(), 0, 0, -1, millis, null, failure);
        }
    }

    private static long dbHits(ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(ScaleBenchmark::dbHits).sum();
    }

    /** The most rows any operator of the plan produced: how much a query handles to answer one page. */
    private static long maxRows(ProfiledPlan plan) {
        return Math.max(plan.records(), plan.children().stream().mapToLong(ScaleBenchmark::maxRows).max().orElse(0));
    }

    // ------------------------------------------------------------------ HTTP

    private String body(String document, Map<String, Object> variables) {
        try {
            var text = new ClassPathResource("graphql-test/" + document + ".graphql").getContentAsString(StandardCharsets.UTF_8);
            return json.writeValueAsString(Map.of("query", text, "variables", variables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response request(String body) {
        return request(body, null);
    }

    /** One request, with an API token when {@code token} is not null. */
    private Response request(String body, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(QUERY_TIMEOUT + 10))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        var request = builder.build();
        var started = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var micros = (System.nanoTime() - started) / 1_000;
            var tree = json.readTree(response.body());
            var errors = tree.path("errors");
            if (response.statusCode() != 200 || (errors.isArray() && !errors.isEmpty())) {
                if (micros >= QUERY_TIMEOUT * 950_000L) {
                    return new Response(micros, tree, "timeout (> " + QUERY_TIMEOUT + " s)");
                }
                var error = errors.path(0);
                return new Response(micros, tree, "error " + response.statusCode() + " "
                        + error.at("/extensions/classification").asString("") + ": " + error.path("message").asString(""));
            }
            return new Response(micros, tree, null);
        } catch (HttpTimeoutException e) {
            return new Response((System.nanoTime() - started) / 1_000, null, "timeout (> " + QUERY_TIMEOUT + " s)");
        } catch (IOException e) {
            return new Response((System.nanoTime() - started) / 1_000, null, "failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the database

    /** From now on a query that runs longer than {@code QUERY_TIMEOUT} is ended by Neo4j itself. */
    private void tightenTransactionTimeout() {
        var db = (GraphDatabaseAPI) database.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.getDependencyResolver().resolveDependency(Config.class)
                .setDynamic(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(QUERY_TIMEOUT), "scale benchmark");
    }

    private void run(String cypher) {
        try (var session = driver.session()) {
            session.run(cypher).consume();
        }
    }

    private long single(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    private Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("nodes", single("MATCH (n) RETURN count(n)"));
        for (var label : List.of("Organisation", "Project", "Event", "Source", "Region", "Collaboration")) {
            counts.put(label, single("MATCH (n:%s) RETURN count(n)".formatted(label)));
        }
        counts.put("relationships", single("MATCH ()-[r]->() RETURN count(r)"));
        for (var type : List.of("LOCATED_IN", "ACTIVE_IN", "PARTICIPATES_IN", "MEMBER_OF", "FUNDS", "PART_OF",
                "MENTIONS", "PARTNER_IN")) {
            counts.put(type, single("MATCH ()-[r:%s]->() RETURN count(r)".formatted(type)));
        }
        return counts;
    }

    private record Memory(long heapUsedMb, long heapCommittedMb, long heapMaxMb, long rssMb, long peakRssMb,
            long storeMb) {
    }

    private Memory memory() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = -1;
        long peak = -1;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: RSS stays unknown
        }
        long store;
        try (var files = Files.walk(DATA)) {
            store = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024);
        } catch (IOException | UncheckedIOException e) {
            store = -1;
        }
        return new Memory(heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20, rss, peak, store);
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    // ------------------------------------------------------------------ the report

    private final class Report {

        private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

        void write(SyntheticNetwork.Summary network, Derivation derivation, Map<String, Long> counts,
                List<Result> results, Memory memory) {
            var md = new StringBuilder();
            md.append("# Scale benchmark %s%n%n".formatted(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'"))));
            md.append("Machine: %d cores, %s; Java %s; %s embedded, page cache %s, JVM max heap %,d MB.%n".formatted(
                    Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                    neo4jVersion(), PAGE_CACHE, memory.heapMaxMb()));
            md.append("Command: `bench/scale.sh` = `./mvnw -B -Pscale-bench test -Dscale.organisations=%d "
                    .formatted(ORGANISATIONS) + "-Dscale.relationships=%d` (seed %d, %d warm-up + up to %d timed "
                    .formatted(RELATIONSHIPS, SEED, WARMUP, REPEATS) + "requests per query, %d s budget and %d s timeout per query).%n%n"
                    .formatted(QUERY_BUDGET, QUERY_TIMEOUT));
            md.append("Before the change and the queries were timed, the hub was warmed up by %s, as a hub in service is (`-Dscale.warmSeconds`, 0 for one round).%n%n"
                    .formatted(warmedUp));

            md.append("## The graph%n%n".formatted());
            md.append("Synthetic network (beside the curated seed): %,d organisations (%,d councils), %,d projects, %,d events, %,d sources; %,d relationships written: %s.%n%n"
                    .formatted(network.organisations(), network.councils(), network.projects(), network.events(),
                            network.sources(), network.relationships().values().stream().mapToInt(Integer::intValue).sum(),
                            network.relationships()));
            md.append("Busiest organisation: `%s` (%s), %,d participations.%n%n".formatted(network.busiestSlug(),
                    network.busiestName(), network.busiestParticipations()));
            md.append("| what | count |%n| --- | ---: |%n".formatted());
            counts.forEach((what, count) -> md.append("| %s | %,d |%n".formatted(what, count)));
            md.append("%n| step | time |%n| --- | ---: |%n".formatted());
            md.append("| generate and write the synthetic network (the embedded database's Java API, %,d per transaction) | %,.1f s |%n"
                    .formatted(BATCH, network.millis() / 1000.0));
            md.append("| `CollaborationDeriver.rebuild(generation)` → %s (%s; largest transaction memory seen %s) | %,.1f s |%n".formatted(
                    derivation.error == null ? "%,d links in %,d pairs; JVM heap at most %,d MB (sum of the heap pools' peaks)"
                            .formatted(derivation.collaborations, counts.get("Collaboration"), derivation.heapPeakMb)
                            : "failed: " + derivation.error,
                    String.join("; ", derivation.steps).replace("|", "\\|"), derivation.memory,
                    derivation.millis / 1000.0));
            md.append("| `PartnerDerivation.rebuild()` (partner membership per region and its ancestors, counts per region) | %,.1f s |%n"
                    .formatted(derivation.partnersMillis / 1000.0));
            md.append("| one change (an organisation joins a project; partner membership and collaboration links it touches re-derived in the same transaction) | %s |%n"
                    .formatted(derivation.oneChange));
            md.append("| one edit by an editor (the same change through the API: `addRelationship`, then `removeRelationship`) | %s |%n"
                    .formatted(derivation.oneEdit));
            md.append("| store on disk | %,d MB |%n%n".formatted(memory.storeMb()));
            if (!editSteps.isEmpty()) {
                md.append("One edit over HTTP (`addRelationship`), query by query: the time from each query the hub sent"
                        + " to the next (its answer and the work before the next), as recorded at the driver:%n%n```%s%n```%n%n"
                        .formatted(editSteps));
            }

            md.append("## Queries over HTTP GraphQL%n%n".formatted());
            md.append("Latency of single requests, one after another, on loopback (ms). `db hits` are PROFILE figures of the "
                    + "Cypher the request sent (recorded at the driver, replayed with `PROFILE` and the same parameters), "
                    + "summed over the plan tree and over the request's queries.%n%n".formatted());
            md.append("| query | outcome | runs | median | p95 | max | totalCount | response | Cypher queries | db hits | heaviest query (PROFILE) |%n"
                    .formatted());
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |%n".formatted());
            results.forEach(r -> md.append(r.row()).append('\n'));

            md.append("%n## Memory after the runs%n%n".formatted());
            md.append("| JVM heap used (after GC) | heap committed | max heap | process RSS (VmRSS) | peak RSS (VmHWM) |%n"
                    .formatted());
            md.append("| ---: | ---: | ---: | ---: | ---: |%n".formatted());
            md.append("| %,d MB | %,d MB | %,d MB | %,d MB | %,d MB |%n%n".formatted(memory.heapUsedMb(),
                    memory.heapCommittedMb(), memory.heapMaxMb(), memory.rssMb(), memory.peakRssMb()));
            md.append("The page cache (%s) is off-heap; peak RSS includes the heap the JVM grew to while deriving.%n%n"
                    .formatted(PAGE_CACHE));

            md.append("## Plans%n%n".formatted());
            md.append("Every Cypher query each request sent, with its PROFILE plan (operator, details, rows, db hits).%n%n"
                    .formatted());
            for (var result : results) {
                if (result.profiles().isEmpty()) {
                    continue;
                }
                md.append("### %s%n%n".formatted(result.bench().name()));
                if (!result.timeline().isEmpty()) {
                    md.append("One warm request, query by query (time from each query sent to the next):%n%n```%s%n```%n%n"
                            .formatted(result.timeline()));
                }
                for (var profile : result.profiles()) {
                    md.append("%s db hits, %,d rows at most, %s memory:%n%n```cypher%n%s%n```%n%n".formatted(
                            profile.failure() != null ? profile.failure() : "%,d".formatted(profile.dbHits()),
                            profile.maxRows(), bytes(profile.memoryBytes()), profile.text().strip()));
                    if (profile.plan() != null) {
                        md.append("```%n".formatted());
                        plan(md, profile.plan(), 0);
                        md.append("```%n%n".formatted());
                    }
                }
            }

            var text = md.toString();
            System.out.println();
            System.out.println(text);
            var directory = Path.of(System.getProperty("scale.output",
                    Path.of(System.getProperty("basedir", "."), "bench", "results").toString()));
            var fullSize = ORGANISATIONS == 100_000 && RELATIONSHIPS == 1_000_000;
            var file = directory.resolve("scale-" + LocalDate.now(ZoneOffset.UTC)
                    + (fullSize ? "" : "-" + ORGANISATIONS + "x" + RELATIONSHIPS) + ".md");
            try {
                Files.createDirectories(directory);
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("Written to " + file.toAbsolutePath());
        }

        private void plan(StringBuilder md, ProfiledPlan plan, int depth) {
            var details = plan.arguments().get("Details");
            var text = details == null ? "" : details.asString().replaceAll("\\s+", " ");
            if (text.length() > 140) {
                text = text.substring(0, 137) + "...";
            }
            md.append("%s%s %s | rows %,d | db hits %,d%n".formatted("  ".repeat(depth), plan.operatorType(), text,
                    plan.records(), plan.dbHits()));
            for (var child : plan.children()) {
                plan(md, child, depth + 1);
            }
        }

        private String neo4jVersion() {
            try (var session = driver.session()) {
                return session.run("RETURN 1").consume().server().agent();
            } catch (RuntimeException e) {
                return "?";
            }
        }

        private String memTotal() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                        .findFirst().map(l -> "%.0f GiB RAM".formatted(kilobytes(l) / 1024.0 / 1024.0)).orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("partnernetz-scale-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bytes(long bytes) {
        return bytes < 0 ? "?" : bytes >= 10L << 20 ? "%,d MB".formatted(bytes >> 20) : "%,d kB".formatted(bytes >> 10);
    }

    private static String ms(long micros) {
        return micros >= 100_000 ? "%,d".formatted(micros / 1000) : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static String firstLine(Throwable e) {
        var message = String.valueOf(e.getMessage());
        var line = message.lines().findFirst().orElse(message);
        return e.getClass().getSimpleName() + ": " + (line.length() > 200 ? line.substring(0, 197) + "..." : line);
    }
}
