package org.partnernetz.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlBody;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Automatic persisted queries over real HTTP (the hub's default mode, {@code apq}): register with
 * hash and text, then the hash alone; the errors Apollo clients act on; the documents kept in Neo4j
 * for every instance; the admins' registration of trusted documents; and the field suggestions,
 * which are on here. Trusted mode, and the suggestions and introspection off, run in a hub of their
 * own ({@code LockedDownHubTests}).
 */
@FullStackTest
class PersistedQueryTests {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    ApiTokens tokens;

    @Autowired
    org.partnernetz.audit.AuditTrail trail;

    GraphQlBody http;

    @BeforeEach
    void connect() {
        http = new GraphQlBody(port);
    }

    /** A document no other test sends: its operation name is new each time. */
    private static String fresh() {
        return "query Apq" + System.nanoTime() + " { regions(first: 2, types: [STATE]) { totalCount edges { node { name } } } }";
    }

    @Test
    void anUnknownHashIsPersistedQueryNotFoundThenHashAndTextRegisterAndTheHashAloneRuns() {
        var query = fresh();
        var hash = GraphQlBody.sha256(query);

        var unknown = http.persisted(null, hash, null, Map.of());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.message()).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(unknown.classification()).isEqualTo("NOT_FOUND");
        assertThat(unknown.body().at("/data").isMissingNode() || unknown.body().at("/data").isNull()).isTrue();

        var registered = http.persisted(null, hash, query, Map.of());
        assertThat(registered.ok()).as(registered.text()).isTrue();
        assertThat(registered.body().at("/data/regions/totalCount").asInt()).isEqualTo(1);
        assertThat(registered.body().at("/data/regions/edges/0/node/name").asString()).isEqualTo("Nordrhein-Westfalen");

        var byHash = http.persisted(null, hash, null, Map.of());
        assertThat(byHash.ok()).as(byHash.text()).isTrue();
        assertThat(byHash.body().at("/data")).isEqualTo(registered.body().at("/data"));

        // Kept in Neo4j, where other instances find it, as untrusted (a client registered it).
        var stored = neo4j.query("MATCH (p:PersistedDocument {hash: $hash}) RETURN p.document AS document, p.trusted AS trusted")
                .bind(hash).to("hash").fetch().one().orElseThrow();
        assertThat(stored.get("document")).isEqualTo(query);
        assertThat(stored.get("trusted")).isEqualTo(false);
    }

    @Test
    void aDocumentAnotherInstanceRegisteredRunsByItsHashHere() {
        // Written as another instance would have written it: this one has never seen the hash.
        var query = fresh();
        var hash = GraphQlBody.sha256(query);
        neo4j.query("CREATE (:PersistedDocument {hash: $hash, document: $document, registeredAt: datetime(), trusted: false})")
                .bind(hash).to("hash").bind(query).to("document").run();

        var byHash = http.persisted(null, hash, null, Map.of());
        assertThat(byHash.ok()).as(byHash.text()).isTrue();
        assertThat(byHash.body().at("/data/regions/edges/0/node/name").asString()).isEqualTo("Nordrhein-Westfalen");
    }

    @Test
    void aHashThatIsNotTheTextsIsRefusedAndRegistersNothing() {
        var query = fresh();
        var wrong = GraphQlBody.sha256(query + " ");

        var refused = http.persisted(null, wrong, query, Map.of());
        assertThat(refused.classification()).isEqualTo("BAD_REQUEST");
        assertThat(refused.code()).isEqualTo("PERSISTED_QUERY_ID_INVALID");
        assertThat(refused.body().at("/data/regions").isMissingNode()).isTrue();

        assertThat(http.persisted(null, wrong, null, Map.of()).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(neo4j.query("MATCH (p:PersistedDocument {hash: $hash}) RETURN count(p)").bind(wrong).to("hash")
                .fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    @Test
    void aMalformedPersistedQueryExtensionIsABadRequest() {
        for (var extension : List.<Object>of("abc", Map.of("version", 2, "sha256Hash", GraphQlBody.sha256("x")),
                Map.of("version", 1, "sha256Hash", "not-a-hash"))) {
            var refused = http.post(null, Map.of("extensions", Map.of("persistedQuery", extension)));
            assertThat(refused.classification()).as(refused.text()).isEqualTo("BAD_REQUEST");
            assertThat(refused.code()).isEqualTo("PERSISTED_QUERY_INVALID");
        }
    }

    @Test
    void aDocumentThatDoesNotValidateIsNotKept() {
        var query = "query Bad" + System.nanoTime() + " { regions { nosuchfield } }";
        var hash = GraphQlBody.sha256(query);
        var failed = http.persisted(null, hash, query, Map.of());
        assertThat(failed.ok()).isFalse();
        assertThat(http.persisted(null, hash, null, Map.of()).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void onlyAdminsRegisterTrustedDocumentsWhichMustValidate() {
        var admin = tokens.createFirstAdmin("trusted documents admin").secret();
        var partner = new GraphQlHttp(port).createToken(admin, "trusted documents partner", "PARTNER").secret();
        var query = fresh();
        var register = """
                mutation($documents: [String!]!) {
                  registerTrustedDocuments(input: {documents: $documents}) { documents { hash registeredAt } }
                }""";
        Map<String, Object> variables = Map.of("documents", List.of(query));

        assertThat(http.post(null, Map.of("query", register, "variables", variables)).classification()).isEqualTo("UNAUTHORIZED");
        assertThat(http.post(partner, Map.of("query", register, "variables", variables)).classification()).isEqualTo("FORBIDDEN");

        var registered = http.post(admin, Map.of("query", register, "variables", variables));
        assertThat(registered.ok()).as(registered.text()).isTrue();
        var document = registered.body().at("/data/registerTrustedDocuments/documents/0");
        assertThat(document.at("/hash").asString()).isEqualTo(GraphQlBody.sha256(query));
        assertThat(java.time.OffsetDateTime.parse(document.at("/registeredAt").asString()))
                .isAfter(java.time.OffsetDateTime.now().minusMinutes(1));
        assertThat(neo4j.query("MATCH (p:PersistedDocument {hash: $hash}) RETURN p.trusted").bind(GraphQlBody.sha256(query))
                .to("hash").fetchAs(Boolean.class).one()).contains(true);
        assertThat(http.persisted(null, GraphQlBody.sha256(query), null, Map.of()).ok()).isTrue();

        var invalid = http.post(admin, Map.of("query", register, "variables",
                Map.of("documents", List.of(fresh(), "{ regions { nosuchfield } }"))));
        assertThat(invalid.classification()).isEqualTo("BAD_REQUEST");
        assertThat(invalid.message()).startsWith("input.documents[1] does not validate");
    }

    @Test
    void aPersistedQueryIsAuditedAsTheDocumentItsHashNames() {
        var admin = tokens.createFirstAdmin("persisted audit admin").secret();
        var partner = new GraphQlHttp(port).createToken(admin, "persisted audit partner", "PARTNER");
        var query = fresh();
        var hash = GraphQlBody.sha256(query);
        assertThat(http.persisted(partner.secret(), hash, query, Map.of()).ok()).isTrue();
        assertThat(http.persisted(partner.secret(), hash, null, Map.of()).ok()).isTrue();
        trail.flush(java.time.Duration.ofSeconds(5));
        var operations = neo4j.query("MATCH (a:AuditEntry {credential: $credential}) RETURN a.operation + ' ' + a.fields[0]")
                .bind(partner.id()).to("credential").fetchAs(String.class).all();
        assertThat(operations).containsExactly("query regions", "query regions");
    }

    @Test
    void aMisspelledFieldsErrorSuggestsTheFieldsSpelledAlike() {
        var misspelled = http.query(null, "{ regions(first: 1) { edges { node { nme } } } }");
        assertThat(misspelled.classification()).isEqualTo("ValidationError");
        assertThat(misspelled.message()).contains("'nme'").endsWith("Did you mean 'name' or 'note'?");

        var nothingNear = http.query(null, "{ regions(first: 1) { edges { node { qqqqqqqqqqqq } } } }");
        assertThat(nothingNear.message()).contains("'qqqqqqqqqqqq'").doesNotContain("Did you mean");
    }
}
