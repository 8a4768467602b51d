package org.partnernetz.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, over HTTP against the running hub: API tokens, JWTs from the configured issuer
 * (signed here with the test issuer's key), and the errors for everything else. Tokens are made the
 * way an operator makes the first one ({@link ApiTokens#createFirstAdmin}), then through the API.
 */
@FullStackTest
@ExtendWith(OutputCaptureExtension.class)
class AccessTests {

    private static final String ISSUER = "https://issuer.test.partnernetz.invalid";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        var listing = post(admin, "{ apiTokens(first: 100) { edges { node { id name } } } }", Map.of());
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
        assertThat(classification(post(editor, "{ apiTokens { totalCount } }", Map.of()))).isEqualTo("FORBIDDEN");

        var adminJwt = jwt(key, ISSUER, "ops@example.org", List.of("ADMIN"));
        assertThat(post(adminJwt, "{ apiTokens { totalCount } }", Map.of()).body().at("/data/apiTokens/totalCount")
                .asInt()).isPositive();

        var otherIssuer = jwt(key, "https://elsewhere.invalid", "ops@example.org", List.of("ADMIN"));
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var otherKey = jwt(generator.generateKeyPair().getPrivate(), ISSUER, "ops@example.org", List.of("ADMIN"));
        for (var refused : List.of(otherIssuer, otherKey)) {
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
        var secret = "pn_" + "environment-given-admin-token-of-43-chars-x";
        assertThat(tokens.ensureAdmin(secret, "from environment")).isTrue();
        assertThat(tokens.ensureAdmin(secret, "from environment")).isFalse();
        assertThat(post(secret, "{ viewer { role } }", Map.of()).body().at("/data/viewer/role").asString())
                .isEqualTo("ADMIN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.ensureAdmin("pn_short", "weak"))
                .isInstanceOf(IllegalArgumentException.class);
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

    private long tokensNamed(String name) {
        return neo4j.query("MATCH (t:ApiToken {name: $name}) RETURN count(t)").bind(name).to("name")
                .fetchAs(Long.class).one().orElseThrow();
    }

    private record Response(int status, String text, JsonNode body) {
    }

    private Response post(String bearer, String query, Map<String, Object> variables) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", query, "variables", variables))));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String classification(Response response) {
        return response.body().at("/errors/0/extensions/classification").asString("");
    }

    private static PrivateKey testIssuerKey() throws Exception {
        var pem = new ClassPathResource("jwt/test-issuer.key").getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String jwt(PrivateKey key, String issuer, String subject, List<String> roles) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("partnernetz_role", roles).claim("partnernetz_organisations", List.of("whkt")).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
