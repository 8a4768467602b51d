package org.partnernetz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.GraphQlBody;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.HubProcess;

/**
 * A hub locked down as an operator would for the open internet, in a process of its own (one
 * start for the whole class, on an empty database of its own): trusted documents only,
 * introspection and field suggestions off, and small limits per minute. The test talks to it from
 * loopback, which it trusts as a proxy, so each test is a client of its own by the
 * {@code X-Forwarded-For} address it sends, or by its own token; the admin's requests stay under
 * the token rate across the class.
 */
class LockedDownHubTests {

    static final int ANONYMOUS_RATE = 10;
    static final int TOKEN_RATE = 15;
    static final int TOKEN_COST = 50;

    /** A page of regions: its estimated cost is 1 + 20 × 1 = 21, whatever the graph holds. */
    static final String REGIONS = "query LockedRegions { regions(first: 20) { edges { node { name } } } }";

    static HubProcess hub;
    static String admin;
    static GraphQlBody http;

    @BeforeAll
    static void start() throws Exception {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        admin = "pn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        hub = HubProcess.start("locked-down", List.of(
                "--partnernetz.embedded.data-directory=" + Files.createTempDirectory("partnernetz-locked"),
                "--partnernetz.embedded.bolt-port=0", "--partnernetz.embedded.page-cache=32MB",
                "--partnernetz.seed.mode=never", "--partnernetz.measures.enabled=false",
                "--partnernetz.security.admin-token=" + admin,
                "--partnernetz.graphql.persisted.mode=trusted",
                "--partnernetz.graphql.introspection=false",
                "--partnernetz.graphql.field-suggestions=false",
                "--partnernetz.limits.requests-per-minute.anonymous=" + ANONYMOUS_RATE,
                "--partnernetz.limits.requests-per-minute.token=" + TOKEN_RATE,
                "--partnernetz.limits.cost-per-minute.token=" + TOKEN_COST,
                "--partnernetz.limits.trusted-proxies=127.0.0.1,::1"));
        http = new GraphQlBody(hub.port());
        var registered = register(REGIONS, "{ __schema { queryType { name } } }");
        assertThat(registered.ok()).as(registered.text()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** One admin request registering the documents as trusted. */
    static GraphQlBody.Response register(String... documents) {
        return http.post(admin, Map.of("query", """
                mutation($documents: [String!]!) { registerTrustedDocuments(input: {documents: $documents}) { documents { hash } } }""",
                "variables", Map.of("documents", List.of(documents))));
    }

    /** An anonymous client at {@code address}, as the trusted proxy on loopback reports it. */
    static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    static GraphQlBody.Response anonymous(String address, String query) {
        return http.post(null, Map.of("query", query), from(address));
    }

    @Test
    void onlyRegisteredDocumentsRunByHashOrInFullAndClientsCannotRegisterMore() {
        var client = "203.0.113.1";
        var unregistered = "query Unregistered { regions(first: 1) { totalCount } }";

        var refused = anonymous(client, unregistered);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.classification()).isEqualTo("FORBIDDEN");
        assertThat(refused.code()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        assertThat(refused.body().at("/data/regions").isMissingNode()).isTrue();

        // An automatic registration is refused too, and leaves nothing behind.
        var hash = GraphQlBody.sha256(unregistered);
        assertThat(http.persisted(null, hash, unregistered, from(client)).code()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        assertThat(http.persisted(null, hash, null, from(client)).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        var inFull = anonymous(client, REGIONS);
        assertThat(inFull.ok()).as(inFull.text()).isTrue();
        assertThat(inFull.body().at("/data/regions/edges").isArray()).isTrue();
        var byHash = http.persisted(null, GraphQlBody.sha256(REGIONS), null, from(client));
        assertThat(byHash.ok()).as(byHash.text()).isTrue();
        assertThat(byHash.body().at("/data")).isEqualTo(inFull.body().at("/data"));

        // Admins run what they like (to register, and to look into the hub).
        var asAdmin = http.query(admin, unregistered);
        assertThat(asAdmin.ok()).as(asAdmin.text()).isTrue();
        assertThat(asAdmin.body().at("/data/regions/totalCount").asInt()).isZero();
    }

    @Test
    void introspectionIsForbiddenEvenInARegisteredDocumentAndForAdmins() {
        var registered = http.post(null, Map.of("query", "{ __schema { queryType { name } } }"), from("203.0.113.2"));
        assertThat(registered.classification()).as(registered.text()).isEqualTo("FORBIDDEN");
        assertThat(registered.message()).isEqualTo("Introspection is switched off on this hub");
        assertThat(registered.text()).doesNotContain("\"Query\"");

        var asAdmin = http.query(admin, "{ __type(name: \"Region\") { fields { name } } }");
        assertThat(asAdmin.classification()).as(asAdmin.text()).isEqualTo("FORBIDDEN");
        assertThat(asAdmin.text()).doesNotContain("totalCount");
    }

    @Test
    void aMisspelledFieldsErrorSuggestsNothing() {
        // An admin, whose documents run unregistered, so that the document gets as far as validation.
        var misspelled = http.query(admin, "{ regions(first: 1) { edges { node { nme } } } }");
        assertThat(misspelled.classification()).isEqualTo("ValidationError");
        assertThat(misspelled.message()).contains("'nme'").contains("is undefined").doesNotContain("Did you mean");
        assertThat(misspelled.text()).doesNotContain("'name'");
    }

    @Test
    void anAnonymousClientOverItsRateGets429WithRetryAfterWhileAnotherClientGoesOn() {
        var client = "203.0.113.50";
        for (int i = 0; i < ANONYMOUS_RATE; i++) {
            var admitted = anonymous(client, REGIONS);
            assertThat(admitted.status()).as("request %d", i + 1).isEqualTo(200);
            assertThat(admitted.ok()).as(admitted.text()).isTrue();
        }
        var refused = anonymous(client, REGIONS);
        assertRateLimited(refused, "requests-per-minute", ANONYMOUS_RATE);

        // What the client itself writes left of the proxy's entry changes nothing.
        assertThat(http.post(null, Map.of("query", REGIONS), from("198.51.100.9, " + client)).status()).isEqualTo(429);
        assertThat(anonymous("203.0.113.51", REGIONS).status()).isEqualTo(200);
    }

    @Test
    void aTokenOverItsRateGets429WhileAnotherTokenGoesOn() {
        var tokens = new GraphQlHttp(hub.port());
        var flooding = tokens.createToken(admin, "flooding partner", "PARTNER").secret();
        var other = tokens.createToken(admin, "quiet partner", "PARTNER").secret();
        for (int i = 0; i < TOKEN_RATE; i++) {
            // Not a registered document: refused, but counted all the same.
            var admitted = http.query(flooding, "{ __typename }");
            assertThat(admitted.status()).as("request %d", i + 1).isEqualTo(200);
        }
        assertRateLimited(http.query(flooding, "{ __typename }"), "requests-per-minute", TOKEN_RATE);
        assertThat(http.query(other, REGIONS).status()).isEqualTo(200);
    }

    @Test
    void aTokenThatSpentItsCostBudgetGets429UntilTheMinuteHasPaidItOff() {
        var spender = new GraphQlHttp(hub.port()).createToken(admin, "costly partner", "PARTNER").secret();
        // 50 a minute: 21 and 21 leave 8, which still admits a third (into debt); the fourth is refused.
        for (int i = 0; i < 3; i++) {
            var admitted = http.query(spender, REGIONS);
            assertThat(admitted.ok()).as("request %d: %s", i + 1, admitted.text()).isTrue();
        }
        assertRateLimited(http.query(spender, REGIONS), "cost-per-minute", TOKEN_COST);
    }

    private static void assertRateLimited(GraphQlBody.Response refused, String limit, int allowed) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        var retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1, 180);
        assertThat(refused.classification()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.body().at("/errors/0/extensions/limit").asString()).isEqualTo(limit);
        assertThat(refused.body().at("/errors/0/extensions/allowed").asInt()).isEqualTo(allowed);
        assertThat(refused.body().at("/errors/0/extensions/retryAfterSeconds").asInt()).isEqualTo(retryAfter);
        assertThat(refused.message()).contains(limit).contains(String.valueOf(allowed));
    }
}
