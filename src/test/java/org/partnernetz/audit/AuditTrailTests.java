package org.partnernetz.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Every request with credentials leaves an entry that admins (and only admins) read; anonymous reads leave none. */
@FullStackTest
class AuditTrailTests {

    private static final String TRAIL = """
            query($credential: String) { auditTrail(credential: $credential, first: 10) {
              edges { node { by role credentialKind credential operation fields outcome at } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    AuditTrail trail;

    GraphQlHttp http;
    String admin;

    @BeforeEach
    void anAdmin() {
        http = new GraphQlHttp(port);
        admin = tokens.createFirstAdmin("audit admin").secret();
    }

    @Test
    void mutationsAndTokenUsesAreAuditedWithTheirCredentialAndOutcome() {
        var created = http.createToken(admin, "audited partner", "PARTNER");
        var partner = created.secret();
        var tokenId = created.id();

        long anonymousBefore = count();
        http.post(null, "{ organisations(first: 1) { totalCount } }", Map.of());
        assertThat(count()).as("an anonymous read leaves no entry").isEqualTo(anonymousBefore);

        assertThat(http.post(partner, "{ organisations(first: 1) { totalCount } }", Map.of()).ok()).isTrue();
        var refused = http.post(partner, """
                mutation { updateOrganisation(input: {organisation: "agentur-fuer-arbeit-hamm", version: 1, note: "x"}) {
                  organisation { key } } }""", Map.of());
        assertThat(refused.classification()).isEqualTo("FORBIDDEN");

        var entries = http.post(admin, TRAIL, Map.of("credential", tokenId)).body().at("/data/auditTrail/edges");
        var seen = new ArrayList<String>();
        entries.forEach(edge -> seen.add(edge.at("/node/operation").asString() + " " + edge.at("/node/fields/0").asString()
                + " " + edge.at("/node/outcome").asString()));
        // Newest first: the refused change, then the read.
        assertThat(seen).containsExactly("mutation updateOrganisation FORBIDDEN", "query organisations ok");
        var newest = entries.get(0).at("/node");
        assertThat(newest.at("/by").asString()).isEqualTo("audited partner");
        assertThat(newest.at("/role").asString()).isEqualTo("PARTNER");
        assertThat(newest.at("/credentialKind").asString()).isEqualTo("API_TOKEN");
        assertThat(newest.at("/credential").asString()).isEqualTo(tokenId);
        // The secret is never stored with the trail.
        trail.flush(java.time.Duration.ofSeconds(5));
        assertThat(neo4j.query("MATCH (a:AuditEntry) WHERE any(v IN [a.credential, a.by] WHERE v CONTAINS $secret) RETURN count(a)")
                .bind(partner).to("secret").fetchAs(Long.class).one().orElseThrow()).isZero();

        assertThat(http.post(partner, TRAIL, Map.of()).classification()).isEqualTo("FORBIDDEN");
        assertThat(http.post(null, TRAIL, Map.of()).classification()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theTrailPagesNewestFirstByCursor() {
        for (int i = 0; i < 3; i++) {
            http.post(admin, "{ viewer { name } }", Map.of());
        }
        var query = """
                query($after: String) { auditTrail(by: "audit admin", operation: QUERY, first: 2, after: $after) {
                  edges { node { id at } } pageInfo { hasNextPage endCursor } } }""";
        var first = http.post(admin, query, java.util.Collections.singletonMap("after", null)).body().at("/data/auditTrail");
        assertThat(first.at("/edges").size()).isEqualTo(2);
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        var second = http.post(admin, query, Map.of("after", first.at("/pageInfo/endCursor").asString()))
                .body().at("/data/auditTrail");
        var ids = new ArrayList<String>();
        List.of(first, second).forEach(page -> page.at("/edges").forEach(edge -> ids.add(edge.at("/node/id").asString())));
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        var times = new ArrayList<String>();
        List.of(first, second).forEach(page -> page.at("/edges").forEach(edge -> times.add(edge.at("/node/at").asString())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.<String>naturalOrder().reversed());
    }

    @Test
    void fieldsAskedForThroughFragmentsAreNamed() {
        var created = http.createToken(admin, "fragment reader", "PARTNER");
        var reader = created.secret();
        assertThat(http.post(reader, """
                query Both { ...Lists ... on Query { viewer { name } } }
                fragment Lists on Query { regions(first: 1) { totalCount } }""", Map.of()).ok()).isTrue();
        var entry = http.post(admin, TRAIL, Map.of("credential", created.id()))
                .body().at("/data/auditTrail/edges/0/node");
        assertThat(entry.at("/fields").toString()).isEqualTo("[\"regions\",\"viewer\"]");
    }

    private long count() {
        trail.flush(java.time.Duration.ofSeconds(5));
        return neo4j.query("MATCH (a:AuditEntry) RETURN count(a)").fetchAs(Long.class).one().orElseThrow();
    }
}
