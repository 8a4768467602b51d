package org.partnernetz.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.neo4j.driver.Value;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created, listed and revoked by admins, and checked on every request that carries one.
 * A token is {@code pn_} and 256 random bits (URL-safe Base64); the graph holds only its SHA-256, so
 * a copy of the database gives no usable token. They live in Neo4j as {@code :ApiToken} nodes, so
 * every hub instance on the database knows them.
 */
@Service
@Transactional
public class ApiTokens {

    /** What every token starts with, so a secret is recognisable (and is never taken for a JWT). */
    static final String PREFIX = "pn_";

    /** The time of last use is written at most this often per token: a busy token writes once a minute. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final int MAX_NAME = 100;

    /** What a token given from outside must look like: the prefix and URL-safe Base64. */
    private static final java.util.regex.Pattern STRONG = java.util.regex.Pattern.compile("pn_[A-Za-z0-9_-]{43,}");

    private static final List<SortKey> ORDER = List.of(SortKey.ascending("t.name"), SortKey.ascending("t.id"));

    private static final String COLUMNS = """
            t.id AS id, t.name AS name, t.role AS role, coalesce(t.organisations, []) AS organisations,
            t.createdAt AS createdAt, t.createdBy AS createdBy, t.expiresAt AS expiresAt,
            t.lastUsedAt AS lastUsedAt, t.revokedAt AS revokedAt""";

    private final SecureRandom random = new SecureRandom();
    private final Neo4jClient neo4j;
    private final EntityQueries entities;

    ApiTokens(Neo4jClient neo4j, EntityQueries entities) {
        this.neo4j = neo4j;
        this.entities = entities;
    }

    /** A new token and its secret, which nothing shows again. */
    public record Created(ApiToken token, String secret) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Created create(String name, Role role, List<String> organisations, String expiresAtText,
            String createdBy) {
        var expiresAt = time(expiresAtText);
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new BadRequestException("input.name must be 1 to " + MAX_NAME + " characters");
        }
        if (role == null) {
            throw new BadRequestException("input.role is required");
        }
        var now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new BadRequestException("input.expiresAt must lie in the future");
        }
        var limited = new ArrayList<String>();
        if (organisations != null && !organisations.isEmpty()) {
            if (role != Role.EDITOR) {
                throw new BadRequestException("input.organisations limits an EDITOR; role " + role + " has no limit");
            }
            for (var organisation : organisations) {
                limited.add(entities.resolveKey(Label.Organisation, organisation, "input.organisations"));
            }
        }
        var secret = newSecret();
        return new Created(store(secret, name.strip(), role, List.copyOf(limited), expiresAt, createdBy, now), secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ApiToken revoke(String id) {
        return neo4j.query("""
                MATCH (t:ApiToken {id: $id})
                SET t.revokedAt = coalesce(t.revokedAt, $now)
                RETURN %s""".formatted(COLUMNS)).bind(id).to("id").bind(now()).to("now")
                .fetchAs(ApiToken.class).mappedBy((types, record) -> token(record.get("id"), record))
                .one().orElseThrow(() -> new NotFoundException("No API token with id " + id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Connection<Connection.Edge<ApiToken>> list(Integer first, String after) {
        var page = PageRequest.of(first, after);
        var parameters = new HashMap<String, Object>();
        parameters.put("limit", page.limit());
        SortKey.bindAfter("apiTokens", ORDER, page, parameters);
        var rows = neo4j.query("""
                MATCH (t:ApiToken) WHERE %s
                RETURN %s, %s AS position
                ORDER BY %s LIMIT $limit""".formatted(SortKey.seek(ORDER, page), COLUMNS, SortKey.values(ORDER),
                        SortKey.orderBy(ORDER, "position")))
                .bindAll(parameters)
                .fetchAs(ApiTokenRow.class)
                .mappedBy((types, record) -> new ApiTokenRow(token(record.get("id"), record),
                        record.get("position").asList(Value::asObject)))
                .all().stream().map(row -> new Connection.Row<>(row.token(), row.position())).toList();
        int total = neo4j.query("MATCH (t:ApiToken) RETURN count(t) AS total").fetchAs(Integer.class).one().orElse(0);
        return Connection.ofNodes("apiTokens", rows, page, total);
    }

    private record ApiTokenRow(ApiToken token, List<Object> position) {
    }

    /** A live token's caller, and whether its use is to be recorded ({@link #touch}). */
    public record Authenticated(Caller caller, boolean touchDue) {
    }

    /**
     * The caller a token secret stands for, if it is a live token: known, not revoked, not expired.
     * A read; the time of last use is written apart ({@link #touch}) and only when due (at most once
     * a minute), so most requests with a token cost one read.
     */
    @Transactional(readOnly = true)
    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var now = now();
        return neo4j.query("""
                MATCH (t:ApiToken {hash: $hash})
                WHERE t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > $now)
                RETURN %s""".formatted(COLUMNS))
                .bind(hash(secret)).to("hash").bind(now).to("now")
                .fetchAs(ApiToken.class).mappedBy((types, record) -> token(record.get("id"), record))
                .one()
                .map(t -> new Authenticated(new Caller(Caller.CredentialKind.API_TOKEN, t.name(), t.role(), t.organisations(), t.id()),
                        t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.toInstant().minus(TOUCH_EVERY))));
    }

    /** Records that the token was used now, unless that was recorded less than a minute ago (never backwards). */
    public void touch(String secret) {
        var now = now();
        neo4j.query("""
                MATCH (t:ApiToken {hash: $hash})
                WHERE t.lastUsedAt IS NULL OR t.lastUsedAt < $due
                SET t.lastUsedAt = $now""")
                .bind(hash(secret)).to("hash").bind(now.minus(TOUCH_EVERY)).to("due").bind(now).to("now").run();
    }

    /**
     * The seed key of an organisation named by slug, key or global id; a name of nothing stays as
     * given, so that a limit naming only unknown organisations still limits (to nothing).
     */
    @Transactional(readOnly = true)
    public String organisationKey(String reference) {
        return entities.findKey(Label.Organisation, reference).orElse(reference);
    }

    /**
     * Makes sure a token with this secret exists as an ADMIN token (the first admin of a container,
     * given by environment). Returns whether it was created now.
     */
    boolean ensureAdmin(String secret, String name) {
        if (secret == null || !STRONG.matcher(secret).matches() || randomBytes(secret) < 32) {
            throw new IllegalArgumentException("an admin token must be " + PREFIX + " followed by at least 256 random"
                    + " bits in URL-safe Base64 (43 characters or more, A-Z a-z 0-9 - _), e.g. " + PREFIX
                    + "$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')");
        }
        var now = now();
        // MERGE: several instances starting at once on a new database make one token, not a conflict.
        return neo4j.query("""
                MERGE (t:ApiToken {hash: $hash})
                  ON CREATE SET t.id = $id, t.name = $name, t.role = 'ADMIN', t.organisations = [],
                                t.createdAt = $now, t.createdBy = 'environment', t.created = true
                WITH t, t.created IS NOT NULL AS created
                REMOVE t.created
                RETURN created""")
                .bind(hash(secret)).to("hash").bind(UUID.randomUUID().toString()).to("id").bind(name).to("name")
                .bind(now).to("now").fetchAs(Boolean.class).one().orElse(false);
    }

    /** How many bytes the Base64 after the prefix carries; -1 when it is not valid Base64 (e.g. a cut-off end). */
    private static int randomBytes(String secret) {
        try {
            return Base64.getUrlDecoder().decode(secret.substring(PREFIX.length())).length;
        } catch (IllegalArgumentException notBase64) {
            return -1;
        }
    }

    /** A new ADMIN token, for the command line: no caller to check, as no admin may exist yet. Not in the API. */
    public Created createFirstAdmin(String name) {
        var secret = newSecret();
        return new Created(store(secret, name, Role.ADMIN, List.of(), null, "command line", now()), secret);
    }

    private ApiToken store(String secret, String name, Role role, List<String> organisations, OffsetDateTime expiresAt,
            String createdBy, OffsetDateTime now) {
        return neo4j.query("""
                CREATE (t:ApiToken {id: $id, hash: $hash, name: $name, role: $role, organisations: $organisations,
                                    createdAt: $now, createdBy: $createdBy, expiresAt: $expiresAt})
                RETURN %s""".formatted(COLUMNS))
                .bind(UUID.randomUUID().toString()).to("id").bind(hash(secret)).to("hash").bind(name).to("name")
                .bind(role.name()).to("role").bind(organisations).to("organisations").bind(now).to("now")
                .bind(createdBy).to("createdBy").bind(expiresAt).to("expiresAt")
                .fetchAs(ApiToken.class).mappedBy((types, record) -> token(record.get("id"), record))
                .one().orElseThrow();
    }

    private String newSecret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret: its SHA-256 in hex. The secret is random, so no salt or stretching is needed. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("input.expiresAt must be a date and time with offset, e.g. 2027-01-31T00:00:00Z");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ApiToken token(Value id, org.neo4j.driver.Record record) {
        return new ApiToken(id.asString(), record.get("name").asString(), Role.valueOf(record.get("role").asString()),
                record.get("organisations").asList(Value::asString), time(record.get("createdAt")),
                record.get("createdBy").isNull() ? null : record.get("createdBy").asString(),
                time(record.get("expiresAt")), time(record.get("lastUsedAt")), time(record.get("revokedAt")));
    }

    private static java.time.Instant time(Value value) {
        return value == null || value.isNull() ? null : value.asOffsetDateTime().toInstant();
    }
}
