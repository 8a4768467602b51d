package org.partnernetz.webhook;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partnernetz.account.Caller;
import org.partnernetz.account.Role;
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
 * Partners' webhook endpoints (PARTNER and above): registered with the events they want and filters
 * (content type, entry type, region with the regions inside it, tag), each with a secret of its own that signs
 * its deliveries and is shown once; listed with their deliveries and attempts; a delivery replayed;
 * a paused endpoint resumed; an endpoint removed. A caller sees and changes its own endpoints, an
 * admin every one.
 */
@Service
@Transactional
@PreAuthorize("hasRole('PARTNER')")
public class Webhooks {

    /** The events an endpoint can ask for. */
    static final Set<String> EVENTS = Set.of("CONTENT_PUBLISHED", "CONTENT_UPDATED", "CONTENT_UNPUBLISHED",
            WebhookOutbox.ENTITY_CHANGED);

    private static final Set<String> TYPES = Set.of("ARTICLE", "PAGE", "PROJECT_PROFILE");
    private static final Set<String> ENTITY_TYPES = java.util.Arrays.stream(Label.values())
            .map(WebhookOutbox.EntityChange::type).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final String PREFIX = "Webhook:";
    private static final List<SortKey> NEWEST_FIRST = List.of(SortKey.descending("d.createdAt.epochMillis"),
            SortKey.descending("d.id"));

    private final Neo4jClient neo4j;
    private final EndpointGuard guard;
    private final EntityQueries entities;
    private final SecureRandom random = new SecureRandom();

    Webhooks(Neo4jClient neo4j, EndpointGuard guard, EntityQueries entities) {
        this.neo4j = neo4j;
        this.guard = guard;
        this.entities = entities;
    }

    /** A new endpoint and its secret, which no later request shows. */
    record Created(Webhook webhook, String secret) {
    }

    Created create(Map<String, Object> input, Caller caller) {
        var url = guard.check((String) input.get("url")).toString();
        var events = new TreeSet<String>(strings(input.get("events")));
        if (events.isEmpty() || !EVENTS.containsAll(events)) {
            throw new BadRequestException("input.events: one or more of " + new TreeSet<>(EVENTS));
        }
        var types = new TreeSet<String>(strings(input.get("types")));
        if (!TYPES.containsAll(types)) {
            throw new BadRequestException("input.types: content types are " + new TreeSet<>(TYPES));
        }
        var entityTypes = new TreeSet<String>(strings(input.get("entityTypes")));
        if (!ENTITY_TYPES.containsAll(entityTypes)) {
            throw new BadRequestException("input.entityTypes: entry types are " + new TreeSet<>(ENTITY_TYPES));
        }
        var regions = new TreeSet<String>();
        for (var region : strings(input.get("regions"))) {
            regions.add(entities.resolveKey(Label.Region, region, "input.regions"));
        }
        var tags = new TreeSet<String>(strings(input.get("tags")));
        var description = (String) input.get("description");
        if (description != null && description.length() > 300) {
            throw new BadRequestException("input.description: at most 300 characters");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID().toString();
        var node = neo4j.query("""
                CREATE (w:Webhook {id: $id, url: $url, events: $events, types: $types, entityTypes: $entityTypes, regions: $regions, tags: $tags,
                                   description: $description, secret: $secret, owner: $owner, credential: $credential,
                                   active: true, paused: false, consecutiveFailures: 0, createdAt: $now})
                RETURN w""")
                .bindAll(Map.of("id", id, "url", url, "events", List.copyOf(events), "types", List.copyOf(types),
                        "entityTypes", List.copyOf(entityTypes), "regions", List.copyOf(regions), "tags", List.copyOf(tags),
                        "secret", secret, "owner", caller.name(), "now", now()))
                .bind(description).to("description").bind(caller.credential()).to("credential")
                .fetchAs(Node.class).mappedBy((t, r) -> r.get("w").asNode()).one().orElseThrow();
        return new Created(webhook(node), secret);
    }

    @Transactional(readOnly = true)
    List<Webhook> list(Caller caller) {
        return neo4j.query("""
                MATCH (w:Webhook) WHERE w.active AND ($all OR w.owner = $owner) RETURN w ORDER BY w.createdAt, w.id""")
                .bind(caller.role() == Role.ADMIN).to("all").bind(caller.name()).to("owner")
                .fetchAs(Webhook.class).mappedBy((t, r) -> webhook(r.get("w").asNode())).all().stream().toList();
    }

    /** An endpoint's deliveries, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    Connection<Connection.Edge<Webhook.Delivery>> deliveries(String webhookId, String status, PageRequest page,
            Caller caller) {
        var id = own(webhookId, caller);
        var parameters = new HashMap<String, Object>();
        SortKey.bindAfter("webhookDeliveries", NEWEST_FIRST, page, parameters);
        parameters.put("webhook", id);
        parameters.put("status", status);
        parameters.put("limit", page.limit());
        var rows = new ArrayList<Connection.Row<Webhook.Delivery>>();
        int[] total = {0};
        neo4j.query("""
                MATCH (d:WebhookDelivery {webhookId: $webhook}) WHERE $status IS NULL OR d.status = $status
                WITH d, %1$s AS sortKey ORDER BY %2$s
                WITH collect({d: d, sortKey: sortKey}) AS rows
                UNWIND ([row IN rows WHERE %3$s][0..$limit] + [null]) AS row
                WITH size(rows) AS total, row.d AS d, row.sortKey AS sortKey
                RETURN total, d, sortKey, COLLECT { MATCH (a:WebhookAttempt {deliveryId: d.id}) RETURN a ORDER BY a.number DESC } AS log
                """.formatted(SortKey.values(NEWEST_FIRST), SortKey.orderBy(NEWEST_FIRST, "sortKey"),
                SortKey.after(NEWEST_FIRST, "row.sortKey")))
                .bindAll(parameters).fetchAs(Void.class).mappedBy((t, r) -> {
                    total[0] = r.get("total").asInt();
                    if (!r.get("d").isNull()) {
                        rows.add(new Connection.Row<>(delivery(r.get("d").asNode(), r.get("log").asList(Value::asNode)),
                                r.get("sortKey").asList(Value::asObject)));
                    }
                    return null;
                }).all();
        return Connection.ofNodes("webhookDeliveries", rows, page, total[0]);
    }

    /** Sends a delivery again, as soon as the worker looks (its attempts so far stay in its log). */
    Webhook.Delivery replay(String deliveryId, Caller caller) {
        var node = neo4j.query("""
                MATCH (d:WebhookDelivery {id: $id}) MATCH (w:Webhook {id: d.webhookId}) WHERE w.active
                RETURN d, w.id AS webhook""").bind(deliveryId).to("id")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("webhook").asString()).one()
                .orElseThrow(() -> new NotFoundException("No webhook delivery has the id " + deliveryId));
        own(PREFIX + node, caller);
        return neo4j.query("""
                MATCH (d:WebhookDelivery {id: $id})
                SET d.status = 'PENDING', d.nextAttemptAt = $now, d.attempts = 0, d.replayedAt = $now,
                    d.leaseUntil = null, d.leasedBy = null
                RETURN d, COLLECT { MATCH (a:WebhookAttempt {deliveryId: d.id}) RETURN a ORDER BY a.number DESC } AS log""")
                .bind(deliveryId).to("id").bind(now()).to("now")
                .fetchAs(Webhook.Delivery.class).mappedBy((t, r) -> delivery(r.get("d").asNode(), r.get("log").asList(Value::asNode)))
                .one().orElseThrow();
    }

    /** A paused endpoint taken up again: its waiting deliveries go out. */
    Webhook resume(String webhookId, Caller caller) {
        var id = own(webhookId, caller);
        return neo4j.query("""
                MATCH (w:Webhook {id: $id}) SET w.paused = false, w.pausedAt = null, w.consecutiveFailures = 0 RETURN w""")
                .bind(id).to("id").fetchAs(Webhook.class).mappedBy((t, r) -> webhook(r.get("w").asNode())).one().orElseThrow();
    }

    /** An endpoint removed: nothing more is queued for it or sent; its log stays. */
    Webhook delete(String webhookId, Caller caller) {
        var id = own(webhookId, caller);
        return neo4j.query("""
                MATCH (w:Webhook {id: $id}) SET w.active = false, w.deletedAt = $now RETURN w""")
                .bind(id).to("id").bind(now()).to("now")
                .fetchAs(Webhook.class).mappedBy((t, r) -> webhook(r.get("w").asNode())).one().orElseThrow();
    }

    /** The id of an endpoint the caller may see; NOT_FOUND for another's (which it may not know of). */
    private String own(String webhookId, Caller caller) {
        if (webhookId == null || !webhookId.startsWith(PREFIX)) {
            throw new BadRequestException("'" + webhookId + "' is not a webhook id; they look like 'Webhook:<uuid>'");
        }
        var id = webhookId.substring(PREFIX.length());
        var owner = neo4j.query("MATCH (w:Webhook {id: $id}) WHERE w.active RETURN w.owner AS owner").bind(id).to("id")
                .fetchAs(String.class).one();
        if (owner.isEmpty() || caller.role() != Role.ADMIN && !owner.get().equals(caller.name())) {
            throw new NotFoundException("No webhook of yours has the id " + webhookId);
        }
        return id;
    }

    private static Webhook webhook(Node w) {
        return new Webhook(PREFIX + w.get("id").asString(), w.get("url").asString(), w.get("events").asList(Value::asString),
                w.get("types").asList(Value::asString), w.get("entityTypes").asList(Value::asString, List.of()),
                w.get("regions").asList(Value::asString),
                w.get("tags").asList(Value::asString), w.get("description").isNull() ? null : w.get("description").asString(),
                w.get("owner").asString(), w.get("active").asBoolean(), w.get("paused").asBoolean(),
                time(w.get("pausedAt")), w.get("consecutiveFailures").asInt(0), time(w.get("createdAt")));
    }

    private static Webhook.Delivery delivery(Node d, List<Node> log) {
        return new Webhook.Delivery(d.get("id").asString(), d.get("event").asString(), d.get("subject").asString(),
                d.get("status").asString(), d.get("attempts").asInt(), d.get("lastStatus").isNull() ? null : d.get("lastStatus").asInt(),
                d.get("lastError").isNull() ? null : d.get("lastError").asString(), time(d.get("createdAt")),
                time(d.get("nextAttemptAt")), time(d.get("deliveredAt")), log.stream().map(a -> new Webhook.Attempt(
                        a.get("number").asInt(), time(a.get("at")), a.get("status").isNull() ? null : a.get("status").asInt(),
                        a.get("latencyMs").asLong(), a.get("error").isNull() ? null : a.get("error").asString())).toList());
    }

    private static String time(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant().toString();
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
