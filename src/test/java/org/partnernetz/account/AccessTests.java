package org.partnernetz.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Who may do what, over HTTP against the running hub: API tokens, JWTs from the configured issuer
 * (signed here with the test issuer's key), and the errors for everything else. Tokens are made the
 * way an operator makes the first one ({@link ApiTokens#createFirstAdmin}), then through the API.
 */
@FullStackTest
@ExtendWith(OutputCaptureExtension.class)
class AccessTests {

    private static final String ISSUER = "https://issuer.test.partnernetz.invalid";
    private static final String AUDIENCE = "partnernetz-test";

    private static final String CREATE = """
            mutation($name: String!, $role: Role!, $organisations: [String!], $expiresAt: String) {
              createApiToken(input: {name: $name, role: $role, organisations: $organisations, expiresAt: $expiresAt}) {
                secret token { id name role organisations expiresAt createdBy }
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    String admin;

    @BeforeEach
    void anAdmin() {
        admin = tokens.createFirstAdmin("test admin").secret();
    }

    @Test
    void withoutCredentialsTheNetworkReadsButNothingChanges() {
        var read = post(null, "{ viewer { name } regions(first: 1) { totalCount } }", Map.of());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/data/viewer").isNull()).isTrue();
        assertThat(read.body().at("/data/regions/totalCount").asInt()).isPositive();

        var change = post(null, CREATE, Map.of("name", "anonymous try", "role", "ADMIN"));
        assertThat(classification(change)).isEqualTo("UNAUTHORIZED");
        assertThat(tokensNamed("anonymous try")).isZero();
    }

    @Test
    void aPartnerOrEditorMayNotManageTokensAnAdminMay() {
        var partner = create(admin, "a partner site", "PARTNER", null, null);
        var editor = create(admin, "an editor", "EDITOR", null, null);
        assertThat(classification(post(partner, CREATE, Map.of("name", "partner try", "role", "PARTNER"))))
                .isEqualTo("FORBIDDEN");
        assertThat(classification(post(editor, "{ apiTokens { totalCount } }", Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(tokensNamed("partner try")).isZero();

        var viewer = post(editor, "{ viewer { kind name role } }", Map.of()).body().at("/data/viewer");
        assertThat(viewer.at("/kind").asString()).isEqualTo("API_TOKEN");
        assertThat(viewer.at("/name").asString()).isEqualTo("an editor");
        assertThat(viewer.at("/role").asString()).isEqualTo("EDITOR");
        var listed = post(admin, "{ apiTokens(first: 100) { totalCount edges { node { name role } } } }", Map.of());
        assertThat(listed.body().at("/data/apiTokens/totalCount").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTokenIsShownOnceAndTheGraphHoldsOnlyItsHash() {
        var response = post(admin, CREATE, Map.of("name", "hash check", "role", "EDITOR",
                "organisations", List.of("whkt")));
        var created = response.body().at("/data/createApiToken");
        var secret = created.at("/secret").asString();
        assertThat(secret).startsWith("pn_").hasSizeGreaterThanOrEqualTo(3 + 43);
        assertThat(created.at("/token/organisations/0").asString()).isEqualTo("whkt");
        assertThat(created.at("/token/createdBy").asString()).isEqualTo("test admin");

        var stored = neo4j.query("MATCH (t:ApiToken {id: $id}) RETURN properties(t) AS p")
                .bind(created.at("/token/id").asString()).to("id").fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        var properties = (Map<String, Object>) stored.get("p");
        assertThat(properties.get("hash")).isEqualTo(ApiTokens.hash(secret));
        assertThat(properties.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        var listing = post(admin, """
                { apiTokens(first: 100) { edges { node {
                    id name role organisations createdAt createdBy expiresAt lastUsedAt revokedAt } } } }""", Map.of());
        assertThat(listing.text()).contains("hash check").doesNotContain(secret);
        assertThat(post(secret, "{ viewer { name } }", Map.of()).body().at("/data/viewer/name").asString())
                .isEqualTo("hash check");
    }

    @Test
    void revokedExpiredUnknownAndMalformedCredentialsAreUnauthorized() {
        var revoked = create(admin, "to revoke", "PARTNER", null, null);
        assertThat(post(revoked, "{ viewer { name } }", Map.of()).status()).isEqualTo(200);
        var id = neo4j.query("MATCH (t:ApiToken {hash: $hash}) RETURN t.id").bind(ApiTokens.hash(revoked)).to("hash")
                .fetchAs(String.class).one().orElseThrow();
        var revokedAt = post(admin, "mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedAt } } }",
                Map.of("id", id)).body().at("/data/revokeApiToken/token/revokedAt");
        assertThat(revokedAt.isString()).isTrue();

        var expired = create(admin, "to expire", "ADMIN", null, Instant.now().plusSeconds(3600).toString());
        neo4j.query("MATCH (t:ApiToken {hash: $hash}) SET t.expiresAt = datetime() - duration('PT1M')")
                .bind(ApiTokens.hash(expired)).to("hash").run();

        for (var credential : List.of(revoked, expired, "pn_" + "x".repeat(43), "not a token", "a.b.c")) {
            var response = post(credential, "{ regions(first: 1) { totalCount } }", Map.of());
            assertThat(response.status()).as(credential).isEqualTo(401);
            assertThat(classification(response)).as(credential).isEqualTo("UNAUTHORIZED");
            assertThat(response.text()).doesNotContain(credential);
        }
    }

    @Test
    void anAuthorizationHeaderThatIsNoBearerCredentialIsUnauthorized() {
        for (var header : List.of("Basic " + Base64.getEncoder().encodeToString("neo4j:x".getBytes(StandardCharsets.UTF_8)),
                "Token " + admin, admin)) {
            var response = new GraphQlHttp(port).send(header, "{ regions(first: 1) { totalCount } }", Map.of());
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(classification(response)).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void aTokensLastUseIsRecordedAtMostOnceAMinute() {
        var secret = create(admin, "last use", "PARTNER", null, null);
        var hash = ApiTokens.hash(secret);
        assertThat(lastUsed(hash)).isNull();
        post(secret, "{ viewer { name } }", Map.of());
        var first = lastUsed(hash);
        assertThat(first).isNotNull();
        post(secret, "{ viewer { name } }", Map.of());
        assertThat(lastUsed(hash)).isEqualTo(first);
        neo4j.query("MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = datetime() - duration('PT2M')")
                .bind(hash).to("hash").run();
        var earlier = lastUsed(hash);
        post(secret, "{ viewer { name } }", Map.of());
        assertThat(lastUsed(hash)).isAfter(earlier);
    }

    @Test
    void revokingKeepsTheFirstTimeAndAnUnknownIdIsNotFoundForAdminsOnly() {
        var secret = create(admin, "twice revoked", "PARTNER", null, null);
        var id = neo4j.query("MATCH (t:ApiToken {hash: $hash}) RETURN t.id").bind(ApiTokens.hash(secret)).to("hash")
                .fetchAs(String.class).one().orElseThrow();
        var revoke = "mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedAt } } }";
        var first = post(admin, revoke, Map.of("id", id)).body().at("/data/revokeApiToken/token/revokedAt").asString();
        var second = post(admin, revoke, Map.of("id", id)).body().at("/data/revokeApiToken/token/revokedAt").asString();
        assertThat(second).isEqualTo(first);
        assertThat(classification(post(admin, revoke, Map.of("id", "no-such-token")))).isEqualTo("NOT_FOUND");
        var partner = create(admin, "revoking partner", "PARTNER", null, null);
        var existing = post(partner, revoke, Map.of("id", id));
        var unknown = post(partner, revoke, Map.of("id", "no-such-token"));
        assertThat(classification(existing)).isEqualTo("FORBIDDEN");
        assertThat(existing.body().at("/errors/0/message")).isEqualTo(unknown.body().at("/errors/0/message"));
    }

    @Test
    void apiTokensArePagedByNameWithoutRepeatsOrGaps() {
        var name = "paged " + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            create(admin, name, "PARTNER", null, null);
        }
        var seen = new java.util.ArrayList<String>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            var variables = new java.util.HashMap<String, Object>();
            if (cursor != null) {
                variables.put("after", cursor);
            }
            var page = post(admin, """
                    query($after: String) { apiTokens(first: 1, after: $after) {
                      pageInfo { hasNextPage endCursor } edges { node { id name } } } }""", variables)
                    .body().at("/data/apiTokens");
            page.at("/edges").forEach(edge -> seen.add(edge.at("/node/id").asString() + " " + edge.at("/node/name").asString()));
            if (!page.at("/pageInfo/hasNextPage").asBoolean()) {
                break;
            }
            cursor = page.at("/pageInfo/endCursor").asString();
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) (long) neo4j.query("MATCH (t:ApiToken) RETURN count(t)")
                .fetchAs(Long.class).one().orElseThrow());
        assertThat(seen.stream().filter(line -> line.endsWith(" " + name))).hasSize(3);
        var names = seen.stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo);
        assertThat(classification(post(null, "{ apiTokens(first: 1, after: \"nonsense\") { totalCount } }", Map.of())))
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        var blank = post(admin, CREATE, Map.of("name", " ", "role", "PARTNER"));
        assertThat(classification(blank)).isEqualTo("BAD_REQUEST");
        assertThat(blank.body().at("/errors/0/message").asString()).contains("input.name");
        var past = post(admin, CREATE, Map.of("name", "past", "role", "PARTNER", "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(past.body().at("/errors/0/message").asString()).contains("input.expiresAt");
        var limitedAdmin = post(admin, CREATE, Map.of("name", "limited", "role", "ADMIN", "organisations", List.of("whkt")));
        assertThat(limitedAdmin.body().at("/errors/0/message").asString()).contains("input.organisations");
        assertThat(tokensNamed("past") + tokensNamed("limited")).isZero();
    }

    @Test
    void aJwtFromTheConfiguredIssuerCarriesItsRoleOthersAreUnauthorized() throws Exception {
        var key = testIssuerKey();
        var editor = jwt(key, ISSUER, "editor@example.org", List.of("PARTNER", "EDITOR"));
        var viewer = post(editor, "{ viewer { kind name role organisations } }", Map.of()).body().at("/data/viewer");
        assertThat(viewer.at("/kind").asString()).isEqualTo("JWT");
        assertThat(viewer.at("/name").asString()).isEqualTo("editor@example.org");
        assertThat(viewer.at("/role").asString()).isEqualTo("EDITOR");
        assertThat(viewer.at("/organisations/0").asString()).isEqualTo("whkt");
        var bySlugAndId = jwt(key, ISSUER, AUDIENCE, "editor2@example.org", List.of("EDITOR"),
                Instant.now().plusSeconds(600), List.of("Organisation:whkt", "no-such-body"));
        var limited = post(bySlugAndId, "{ viewer { organisations } }", Map.of());
        assertThat(limited.body().at("/data/viewer/organisations").toString()).as(limited.text())
                .isEqualTo("[\"whkt\",\"no-such-body\"]");
        assertThat(classification(post(editor, "{ apiTokens { totalCount } }", Map.of()))).isEqualTo("FORBIDDEN");

        var adminJwt = jwt(key, ISSUER, "ops@example.org", List.of("ADMIN"));
        assertThat(post(adminJwt, "{ apiTokens { totalCount } }", Map.of()).body().at("/data/apiTokens/totalCount")
                .asInt()).isPositive();

        var noRole = jwt(key, ISSUER, "reader@example.org", List.of());
        assertThat(post(noRole, "{ viewer { role } }", Map.of()).body().at("/data/viewer/role").isNull()).isTrue();
        assertThat(classification(post(noRole, CREATE, Map.of("name", "jwt try", "role", "PARTNER"))))
                .isEqualTo("FORBIDDEN");

        var otherIssuer = jwt(key, "https://elsewhere.invalid", "ops@example.org", List.of("ADMIN"));
        var otherAudience = jwt(key, ISSUER, "another-client", "ops@example.org", List.of("ADMIN"),
                Instant.now().plusSeconds(600));
        var expired = jwt(key, ISSUER, AUDIENCE, "ops@example.org", List.of("ADMIN"), Instant.now().minusSeconds(3600));
        var noExpiry = jwt(key, ISSUER, AUDIENCE, "ops@example.org", List.of("ADMIN"), null);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var otherKey = jwt(generator.generateKeyPair().getPrivate(), ISSUER, "ops@example.org", List.of("ADMIN"));
        var unsigned = new com.nimbusds.jwt.PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .subject("ops@example.org").expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("partnernetz_role", List.of("ADMIN")).build()).serialize();
        for (var refused : List.of(otherIssuer, otherAudience, expired, noExpiry, otherKey, unsigned)) {
            var response = post(refused, "{ apiTokens { totalCount } }", Map.of());
            assertThat(response.status()).isEqualTo(401);
            assertThat(classification(response)).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void noCredentialEntersTheLog(CapturedOutput output) {
        var secret = create(admin, "log check", "PARTNER", null, null);
        post(secret, "{ viewer { name } }", Map.of());
        post(secret + "tampered", "{ viewer { name } }", Map.of());
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(admin);
    }

    @Test
    void theEnvironmentsAdminTokenIsCreatedOnceAndMustBeStrong() {
        var bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        var secret = "pn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(tokens.ensureAdmin(secret, "from environment")).isTrue();
        assertThat(tokens.ensureAdmin(secret, "from environment")).isFalse();
        assertThat(post(secret, "{ viewer { role } }", Map.of()).body().at("/data/viewer/role").asString())
                .isEqualTo("ADMIN");
        for (var weak : List.of("pn_short", "pn_" + "an admin phrase with spaces that is long enough", "x".repeat(50))) {
            assertThatThrownBy(() -> tokens.ensureAdmin(weak, "weak")).as(weak).isInstanceOf(IllegalArgumentException.class);
        }
        // 45 characters (one past a whole group of four): not Base64, refused with the rule, not a decoder's message
        var cutOff = "pn_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS";
        assertThatThrownBy(() -> tokens.ensureAdmin(cutOff, "cut off"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("an admin token must be");
    }

    // ------------------------------------------------------------------ helpers

    private String create(String as, String name, String role, List<String> organisations, String expiresAt) {
        var variables = new java.util.HashMap<String, Object>(Map.of("name", name, "role", role));
        if (organisations != null) {
            variables.put("organisations", organisations);
        }
        if (expiresAt != null) {
            variables.put("expiresAt", expiresAt);
        }
        var response = post(as, CREATE, variables);
        var secret = response.body().at("/data/createApiToken/secret");
        assertThat(secret.isString()).as(response.text()).isTrue();
        return secret.asString();
    }

    private java.time.OffsetDateTime lastUsed(String hash) {
        return neo4j.query("MATCH (t:ApiToken {hash: $hash}) RETURN t.lastUsedAt AS at").bind(hash).to("hash")
                .fetchAs(java.time.OffsetDateTime.class).mappedBy((types, record) -> record.get("at").isNull() ? null
                        : record.get("at").asOffsetDateTime()).one().orElse(null);
    }

    private long tokensNamed(String name) {
        return neo4j.query("MATCH (t:ApiToken {name: $name}) RETURN count(t)").bind(name).to("name")
                .fetchAs(Long.class).one().orElseThrow();
    }

    private GraphQlHttp.Response post(String bearer, String query, Map<String, Object> variables) {
        return new GraphQlHttp(port).post(bearer, query, variables);
    }

    private static String classification(GraphQlHttp.Response response) {
        return response.classification();
    }

    private static PrivateKey testIssuerKey() throws Exception {
        var pem = new ClassPathResource("jwt/test-issuer.key").getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String jwt(PrivateKey key, String issuer, String subject, List<String> roles) throws Exception {
        return jwt(key, issuer, AUDIENCE, subject, roles, Instant.now().plusSeconds(600));
    }

    private static String jwt(PrivateKey key, String issuer, String audience, String subject, List<String> roles,
            Instant expires) throws Exception {
        return jwt(key, issuer, audience, subject, roles, expires, List.of("whkt"));
    }

    private static String jwt(PrivateKey key, String issuer, String audience, String subject, List<String> roles,
            Instant expires, List<String> organisations) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .issueTime(new Date()).expirationTime(expires == null ? null : Date.from(expires))
                .claim("partnernetz_role", roles).claim("partnernetz_organisations", organisations).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
