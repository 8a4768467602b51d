package org.partnernetz.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP as the spec and caches want it, over real HTTP: the graphql-http server audit
 * (the npm package, under Node, from {@code src/test/node}), queries by GET with ETags and 304s, an
 * edit changing the ETag, public queries answered from the answer cache until an edit, mutations by
 * GET refused with 405 (also by a persisted query's hash), and CORS for a configured partner origin only. The edit touches an organisation no other test reads.
 */
@FullStackTest
class GraphQlOverHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path SCRIPTS = Path.of("src/test/node");
    private static final String ORGANISATION = "welcome-points-duesseldorf";
    private static final String NOTE = "query($slug: String!) { organisation(slug: $slug) { name note version } }";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MeterRegistry meters;

    @Test
    void theGraphqlHttpServerAuditFindsNothingToFault() throws Exception {
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/graphql-http")), "npm ci --prefix src/test/node has not been run");
        assumeTrue(nodeRuns(), "no node on the PATH");
        var process = new ProcessBuilder("node", "audit-http.mjs", "http://127.0.0.1:" + port + "/graphql")
                .directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the audit finished").isTrue();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var audit = JSON.readTree(output);
        assertThat(audit.at("/failures")).as(output).isEmpty();
        assertThat(audit.at("/total").asInt()).as("the audits run (61 in graphql-http 1.23)").isGreaterThanOrEqualTo(61);
        assertThat(audit.at("/ok").asInt()).isEqualTo(audit.at("/total").asInt());
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void aQueryByGetIsAnsweredWithAnETagAndTheETagGetsA304() {
        var url = get(NOTE, "{\"slug\":\"" + ORGANISATION + "\"}");
        var first = send(url, Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).at("/data/organisation/name").asString()).isNotBlank();
        var etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        var cacheControl = String.join(",", first.headers().allValues("Cache-Control"));
        assertThat(cacheControl).contains("public").contains("max-age=10").contains("stale-while-revalidate=60")
                .doesNotContain("no-store");
        assertThat(String.join(",", first.headers().allValues("Vary"))).contains("Accept").contains("Authorization");

        var again = send(url, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        // Another query, other variables or another Accept: another ETag.
        var other = send(get(NOTE, "{\"slug\":\"jobcenter-hamm\"}"), Map.of("If-None-Match", etag));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        var otherType = send(url, Map.of("If-None-Match", etag, "Accept", "application/graphql-response+json"));
        assertThat(otherType.statusCode()).isEqualTo(200);
        assertThat(otherType.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/graphql-response+json"));
    }

    @Test
    void anEditChangesTheETagAtOnce() {
        var admin = tokens.createFirstAdmin("http admin").secret();
        var url = get(NOTE, "{\"slug\":\"" + ORGANISATION + "\"}");
        var before = send(url, Map.of());
        var etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(send(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        var version = json(before).at("/data/organisation/version").asInt();
        var note = "ETag test " + System.nanoTime();
        var edit = new GraphQlHttp(port).post(admin, """
                mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { note } } }""",
                Map.of("input", Map.of("organisation", ORGANISATION, "version", version, "note", note)));
        assertThat(edit.ok()).as(edit.text()).isTrue();

        var after = send(url, Map.of("If-None-Match", etag));
        assertThat(after.statusCode()).as("the old ETag no longer matches").isEqualTo(200);
        assertThat(json(after).at("/data/organisation/note").asString()).isEqualTo(note);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        // With credentials an answer may hold what no edit announces: never stored, no ETag, no 304.
        var withCredentials = send(url, Map.of("Authorization", "Bearer " + admin,
                "If-None-Match", after.headers().firstValue("ETag").orElseThrow()));
        assertThat(withCredentials.statusCode()).isEqualTo(200);
        assertThat(withCredentials.headers().firstValue("ETag")).isEmpty();
        assertThat(withCredentials.headers().allValues("Cache-Control")).contains("no-store");
    }

    @Test
    void aPublicQueryIsAnsweredFromTheAnswerCacheUntilAnEdit() {
        var admin = tokens.createFirstAdmin("answers admin").secret();
        var body = JSON.writeValueAsString(Map.of("query", NOTE, "variables", Map.of("slug", ORGANISATION)));
        var first = sendPost(body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var hits = answerHits();
        var again = sendPost(body);
        assertThat(answerHits()).as("the second ask is answered from the cache").isEqualTo(hits + 1);
        assertThat(json(again).at("/data")).isEqualTo(json(first).at("/data"));

        var withCredentials = new GraphQlHttp(port).post(admin, NOTE, Map.of("slug", ORGANISATION));
        assertThat(withCredentials.ok()).as(withCredentials.text()).isTrue();
        assertThat(answerHits()).as("a request with credentials runs").isEqualTo(hits + 1);

        var note = "answer cache test " + System.nanoTime();
        var edit = new GraphQlHttp(port).post(admin, """
                mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { note } } }""",
                Map.of("input", Map.of("organisation", ORGANISATION,
                        "version", json(first).at("/data/organisation/version").asInt(), "note", note)));
        assertThat(edit.ok()).as(edit.text()).isTrue();
        var afterEdit = sendPost(body);
        assertThat(json(afterEdit).at("/data/organisation/note").asString()).as("the edit is seen at once").isEqualTo(note);
        assertThat(answerHits()).isEqualTo(hits + 1);
        assertThat(json(sendPost(body)).at("/data")).isEqualTo(json(afterEdit).at("/data"));
        assertThat(answerHits()).isEqualTo(hits + 2);

        // A mutation never comes from the cache: the same anonymous submission, sent twice, is made twice.
        var submit = JSON.writeValueAsString(Map.of("query",
                "mutation($input: SubmitProjectInput!) { submitProject(input: $input) { reference } }",
                "variables", Map.of("input", Map.of("name", "Antwortspeicher " + System.nanoTime(),
                        "description", "Ein Projekt, zweimal eingereicht.", "place", "Testhausen",
                        "contactName", "Frau Beispiel", "contactEmail", "kontakt@example.org"))));
        var once = json(sendPost(submit)).at("/data/submitProject/reference").asString();
        var twice = json(sendPost(submit)).at("/data/submitProject/reference").asString();
        assertThat(once).startsWith("sub_");
        assertThat(twice).startsWith("sub_").isNotEqualTo(once);
        assertThat(answerHits()).isEqualTo(hits + 2);
    }

    @Test
    void aMutationByGetIsRefusedWith405AndNotRun() {
        var admin = tokens.createFirstAdmin("http admin").secret();
        var url = get(NOTE, "{\"slug\":\"" + ORGANISATION + "\"}");
        var version = json(send(url, Map.of())).at("/data/organisation/version").asInt();
        var note = "sent by GET " + System.nanoTime();
        var mutation = """
                mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { note } } }""";
        var input = "{\"input\":{\"organisation\":\"" + ORGANISATION + "\",\"version\":" + version + ",\"note\":\"" + note + "\"}}";
        var refused = send(get(mutation, input), Map.of("Authorization", "Bearer " + admin,
                "Accept", "application/graphql-response+json"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(refused).at("/errors/0/extensions/classification").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(json(refused).at("/data").isMissingNode() || json(refused).at("/data").isNull()).isTrue();
        assertThat(refused.headers().firstValue("ETag")).isEmpty();
        var now = json(send(url, Map.of("Cache-Control", "no-cache"))).at("/data/organisation");
        assertThat(now.at("/note").asString("")).as("nothing was written").isNotEqualTo(note);
        assertThat(now.at("/version").asInt()).isEqualTo(version);

        // A mutation registered as a persisted query (by POST, hash and text) is refused by GET by its hash alone.
        var harmless = "mutation { __typename }";
        var extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(harmless) + "\"}}";
        var registered = sendPost("{\"query\":" + JSON.writeValueAsString(harmless) + ",\"extensions\":" + extensions + "}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        var byHash = send(url("extensions=" + encode(extensions)), Map.of());
        assertThat(byHash.statusCode()).as(byHash.body()).isEqualTo(405);
        assertThat(json(byHash).at("/errors/0/extensions/classification").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aPersistedQueryRunsByGetFromItsHash() {
        var query = "query Regions { regions(first: 2) { edges { node { name } } } }";
        var extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(query) + "\"}}";
        var registered = sendPost("{\"query\":" + JSON.writeValueAsString(query) + ",\"extensions\":" + extensions + "}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        var byHash = send(url("extensions=" + encode(extensions)), Map.of());
        assertThat(byHash.statusCode()).as(byHash.body()).isEqualTo(200);
        assertThat(json(byHash).at("/data/regions/edges")).hasSize(2);
        assertThat(byHash.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aBadGetGetsAClassified400AndABrowserIsSentToGraphiql() {
        var noQuery = send(url("operationName=X"), Map.of());
        assertThat(noQuery.statusCode()).isEqualTo(400);
        assertThat(json(noQuery).at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        var badVariables = send(url("query=" + encode("{ __typename }") + "&variables=" + encode("{not json")), Map.of());
        assertThat(badVariables.statusCode()).isEqualTo(400);
        assertThat(json(badVariables).at("/errors/0/message").asString()).contains("variables");
        assertThat(badVariables.headers().allValues("Cache-Control")).contains("no-store");
        var browser = send(url(""), Map.of("Accept", "text/html"));
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValue("/graphiql");
    }

    @Test
    void onlyAConfiguredPartnerOriginMayCallFromItsPages() throws Exception {
        var partner = preflight("https://partner.test.partnernetz.invalid");
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.test.partnernetz.invalid");
        assertThat(String.join(",", partner.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization");
        var stranger = preflight("https://stranger.test.partnernetz.invalid");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        var read = send(get("{ __typename }", null), Map.of("Origin", "https://partner.test.partnernetz.invalid"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(String.join(",", read.headers().allValues("Access-Control-Expose-Headers"))).contains("ETag");
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI get(String query, String variables) {
        return url("query=" + encode(query) + (variables == null ? "" : "&variables=" + encode(variables)));
    }

    private URI url(String parameters) {
        return URI.create("http://127.0.0.1:" + port + "/graphql" + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    private HttpResponse<String> send(URI url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private HttpResponse<String> sendPost(String body) {
        return exchange(HttpRequest.newBuilder(url("")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double answerHits() {
        var counter = meters.find("cache.gets").tags("cache", AnswerCache.NAME, "result", "hit").functionCounter();
        assertThat(counter).as("the answer cache's meter").isNotNull();
        return counter.count();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean nodeRuns() {
        try {
            var process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
