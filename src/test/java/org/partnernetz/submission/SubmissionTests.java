package org.partnernetz.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public submissions over HTTP, against the real embedded Neo4j: submitted without a token and
 * invisible to every public read, checked before anything is stored, refused beyond the client's
 * rate with an HTTP Retry-After, and decided by editors into a project that cites the submission.
 */
@FullStackTest
class SubmissionTests {

    private static final String SUBMIT = "mutation($input: SubmitProjectInput!) { submitProject(input: $input) { reference status } }";
    private static final String STATUS = "query($r: String!) { submissionStatus(reference: $r) { reference status reason projectId createdAt decidedAt } }";
    private static final String QUEUE = "query($after: String) { submissions(status: PENDING, first: 100, after: $after) { totalCount edges { node { reference name contactEmail } } pageInfo { hasNextPage endCursor } } }";
    private static final String ACCEPT = "mutation($input: AcceptSubmissionInput!) { acceptSubmission(input: $input) { submission { reference status projectId decidedBy } } }";
    private static final String REJECT = "mutation($input: RejectSubmissionInput!) { rejectSubmission(input: $input) { submission { status reason } } }";
    private static final String PROJECT = "query($id: ID) { project(id: $id) { id name description website sources(first: 50) { edges { node { title documentType } } } } }";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    SubmissionRateLimiter limiter;

    GraphQlHttp http;
    String editor;
    String partner;

    @BeforeEach
    void setUp() {
        // Every test client is loopback: each test starts with the client's full rate.
        limiter.reset();
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("submissions admin").secret();
        editor = http.createToken(admin, "submissions editor", "EDITOR").secret();
        partner = http.createToken(admin, "submissions partner", "PARTNER").secret();
    }

    @AfterEach
    void forgetRate() {
        limiter.reset();
    }

    @Test
    void aSubmissionWithoutTokenWaitsOutsideThePublicGraph() {
        var name = "Sprachpaten Testhausen " + System.nanoTime();
        var reference = submit(input(name));
        assertThat(reference).startsWith("sub_").hasSizeGreaterThan(20);

        for (var reader : new String[] {null, partner}) {
            var projects = http.post(reader, "query($n: String) { projects(name: $n) { totalCount } }", Map.of("n", name));
            assertThat(projects.body().at("/data/projects/totalCount").asInt()).isZero();
            var node = http.post(reader, "query($id: ID!) { node(id: $id) { id } }", Map.of("id", "Project:" + reference));
            assertThat(node.body().at("/data/node").isNull()).isTrue();
            var queue = http.post(reader, QUEUE, Map.of());
            assertThat(queue.classification()).isIn("UNAUTHORIZED", "FORBIDDEN");
            assertThat(queue.text()).doesNotContain(name);
        }
        var status = http.post(null, STATUS, Map.of("r", reference));
        assertThat(status.body().at("/data/submissionStatus/status").asString()).isEqualTo("PENDING");
        assertThat(status.body().at("/data/submissionStatus/decidedAt").isNull()).isTrue();
        assertThat(status.text()).doesNotContain("kontakt@example.org").doesNotContain(name);
    }

    @Test
    void invalidInputIsRefusedAndNothingIsStored() {
        long before = count();
        var empty = http.post(null, SUBMIT, Map.of("input", Map.of("name", "  ", "description", "x")));
        assertThat(empty.classification()).isEqualTo("BAD_REQUEST");
        assertThat(empty.body().at("/errors/0/message").asString()).contains("input.name");
        var tooLong = http.post(null, SUBMIT, Map.of("input", Map.of("name", "Lang", "description", "x".repeat(5001))));
        assertThat(tooLong.classification()).isEqualTo("BAD_REQUEST");
        assertThat(tooLong.body().at("/errors/0/message").asString()).contains("input.description").contains("5000");
        limiter.reset();
        var script = http.post(null, SUBMIT, Map.of("input", Map.of("name", "Skript", "description", "x",
                "links", List.of("javascript:alert(1)"))));
        assertThat(script.classification()).isEqualTo("BAD_REQUEST");
        assertThat(script.body().at("/errors/0/message").asString()).contains("input.links").contains("http(s)");
        var email = http.post(null, SUBMIT, Map.of("input", Map.of("name", "Mail", "description", "x",
                "contactEmail", "nicht eine adresse")));
        assertThat(email.classification()).isEqualTo("BAD_REQUEST");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFloodFromOneClientIsRefusedAfterTheRateWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit(input("Flut " + i));
        }
        long before = count();
        var body = JsonMapper.builder().build().writeValueAsString(Map.of("query", SUBMIT,
                "variables", Map.of("input", input("Flut 4"))));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        var json = JsonMapper.builder().build().readTree(response.body());
        assertThat(json.at("/errors/0/extensions/classification").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(json.at("/errors/0/message").asString()).contains("Too many submissions");
        int retryAfter = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(json.at("/errors/0/extensions/retryAfterSeconds").asInt()).isEqualTo(retryAfter);
        assertThat(json.at("/data/submitProject").isMissingNode() || json.at("/data/submitProject").isNull()).isTrue();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void editorsAcceptIntoANewProjectWithItsSourceOnceAndRejectWithAReason() {
        var name = "Werkstattbrücke Beispielstadt " + System.nanoTime();
        var first = submit(input(name));
        var second = submit(input("Abgelehnt " + System.nanoTime()));

        var queue = pending();
        var positions = queue.stream().map(node -> node.at("/reference").asString()).toList();
        assertThat(positions.indexOf(first)).isNotNegative().isLessThan(positions.indexOf(second));
        assertThat(queue.get(positions.indexOf(first)).at("/contactEmail").asString()).isEqualTo("kontakt@example.org");

        for (var outsider : new String[] {null, partner}) {
            var refused = http.post(outsider, ACCEPT, Map.of("input", Map.of("reference", first)));
            assertThat(refused.classification()).isIn("UNAUTHORIZED", "FORBIDDEN");
        }

        var accepted = http.post(editor, ACCEPT, Map.of("input", Map.of("reference", first)));
        assertThat(accepted.ok()).as(accepted.text()).isTrue();
        var projectId = accepted.body().at("/data/acceptSubmission/submission/projectId").asString();
        assertThat(projectId).startsWith("Project:");
        assertThat(accepted.body().at("/data/acceptSubmission/submission/status").asString()).isEqualTo("ACCEPTED");

        var project = http.post(null, PROJECT, Map.of("id", projectId)).body().at("/data/project");
        assertThat(project.at("/name").asString()).isEqualTo(name);
        assertThat(project.at("/description").asString()).isEqualTo("Wir begleiten Geflüchtete in die Ausbildung.");
        assertThat(project.at("/website").asString()).isEqualTo("https://example.org/projekt");
        assertThat(titles(project)).contains("Submission " + first);
        var listed = http.post(null, "query($n: String) { projects(name: $n) { edges { node { id } } } }", Map.of("n", name));
        assertThat(listed.body().at("/data/projects/edges/0/node/id").asString()).isEqualTo(projectId);

        var status = http.post(null, STATUS, Map.of("r", first)).body().at("/data/submissionStatus");
        assertThat(status.at("/status").asString()).isEqualTo("ACCEPTED");
        assertThat(status.at("/projectId").asString()).isEqualTo(projectId);
        assertThat(status.at("/decidedAt").isString()).isTrue();

        var again = http.post(editor, ACCEPT, Map.of("input", Map.of("reference", first)));
        assertThat(again.classification()).isEqualTo("CONFLICT");

        var rejected = http.post(editor, REJECT, Map.of("input", Map.of("reference", second, "reason", "kein Projekt in NRW")));
        assertThat(rejected.body().at("/data/rejectSubmission/submission/status").asString()).isEqualTo("REJECTED");
        var rejectedStatus = http.post(null, STATUS, Map.of("r", second)).body().at("/data/submissionStatus");
        assertThat(rejectedStatus.at("/status").asString()).isEqualTo("REJECTED");
        assertThat(rejectedStatus.at("/reason").asString()).isEqualTo("kein Projekt in NRW");
        assertThat(http.post(editor, REJECT, Map.of("input", Map.of("reference", second, "reason", "noch einmal")))
                .classification()).isEqualTo("CONFLICT");
    }

    @Test
    void aSubmissionMergedIntoASeededProjectTiesItsSource() {
        var id = "Project:landesaktion-nrw-das-machen-wir";
        var before = http.post(null, PROJECT, Map.of("id", id)).body().at("/data/project");
        var reference = submit(input("Das machen wir, noch einmal"));
        var merged = http.post(editor, ACCEPT, Map.of("input", Map.of("reference", reference, "mergeInto", id)));
        assertThat(merged.ok()).as(merged.text()).isTrue();
        assertThat(merged.body().at("/data/acceptSubmission/submission/projectId").asString()).isEqualTo(id);
        var after = http.post(null, PROJECT, Map.of("id", id)).body().at("/data/project");
        assertThat(titles(after)).containsAll(titles(before)).contains("Submission " + reference);
        // The seeded description stays: a submission fills only what is empty.
        assertThat(after.at("/name").asString()).isEqualTo(before.at("/name").asString());
        if (before.at("/description").isString()) {
            assertThat(after.at("/description").asString()).isEqualTo(before.at("/description").asString());
        }
    }

    @Test
    void aFilledHoneypotLooksAcceptedButNeverReachesTheQueue() {
        var input = new java.util.HashMap<String, Object>(input("Robot " + System.nanoTime()));
        input.put("website", "http://spam.example");
        var reference = submit(input);
        assertThat(http.post(null, STATUS, Map.of("r", reference)).body().at("/data/submissionStatus/status").asString())
                .isEqualTo("PENDING");
        assertThat(pending().stream().map(node -> node.at("/reference").asString())).doesNotContain(reference);
    }

    private Map<String, Object> input(String name) {
        return Map.of("name", name, "description", "Wir begleiten Geflüchtete in die Ausbildung.", "place", "Testhausen",
                "contactName", "Frau Beispiel", "contactEmail", "kontakt@example.org",
                "links", List.of("https://example.org/projekt"), "photos", List.of("https://example.org/foto.jpg"),
                "videos", List.of("https://video.example.org/watch?v=1"));
    }

    private String submit(Map<String, Object> input) {
        var response = http.post(null, SUBMIT, Map.of("input", input));
        assertThat(response.ok()).as(response.text()).isTrue();
        assertThat(response.body().at("/data/submitProject/status").asString()).isEqualTo("PENDING");
        return response.body().at("/data/submitProject/reference").asString();
    }

    private List<JsonNode> pending() {
        var nodes = new ArrayList<JsonNode>();
        String after = null;
        do {
            var variables = new java.util.HashMap<String, Object>();
            variables.put("after", after);
            var page = http.post(editor, QUEUE, variables).body().at("/data/submissions");
            page.at("/edges").forEach(edge -> nodes.add(edge.at("/node")));
            after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asString() : null;
        } while (after != null);
        return nodes;
    }

    private static List<String> titles(JsonNode project) {
        var titles = new ArrayList<String>();
        project.at("/sources/edges").forEach(edge -> titles.add(edge.at("/node/title").asString()));
        return titles;
    }

    private long count() {
        return neo4j.query("MATCH (s:Submission) RETURN count(s)").fetchAs(Long.class).one().orElseThrow();
    }
}
