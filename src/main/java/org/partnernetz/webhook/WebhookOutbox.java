package org.partnernetz.webhook;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partnernetz.graph.Label;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a change is announced, in the change's own transaction, so an announcement exists exactly
 * when its change committed, crash or not. It writes:
 * <ul>
 * <li>one delivery per matching webhook endpoint, {@code (:WebhookDelivery {status: 'PENDING',
 * nextAttemptAt})}, which the worker ({@link WebhookWorker}) sends; it is woken after the commit, so a
 * delivery leaves at once;</li>
 * <li>one {@code (:ChangeEvent {dueAt})} for the subscriptions: every hub instance reads the events
 * that fall due ({@code subscription.ChangeFeed}), so a subscriber hears of a change whichever
 * instance made it.</li>
 * </ul>
 */
@Component
public class WebhookOutbox {

    /** The events of content; every other is {@link #ENTITY_CHANGED}. */
    static final List<String> CONTENT_EVENTS = List.of("CONTENT_PUBLISHED", "CONTENT_UPDATED", "CONTENT_UNPUBLISHED");

    /** An entry of the network (or a relationship of it) was created, changed, archived, restored or merged. */
    public static final String ENTITY_CHANGED = "ENTITY_CHANGED";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Neo4jClient neo4j;
    private final WebhookWorker worker;

    WebhookOutbox(Neo4jClient neo4j, WebhookWorker worker) {
        this.neo4j = neo4j;
        this.worker = worker;
    }

    /** What happened to an item of content, for the endpoints whose events and filters it matches. */
    public record ContentEvent(String event, String id, String type, List<String> regions, List<String> tags,
            Map<String, Object> data) {
    }

    /**
     * How an entry changed: {@code CREATED}, {@code UPDATED}, {@code ARCHIVED}, {@code RESTORED},
     * {@code MERGED} (into {@code mergedInto}) or {@code RELATIONSHIPS} (a relationship of it was added,
     * changed or removed: {@code relationship} names it). {@code fields}: what changed.
     */
    public record EntityChange(Label kind, String key, String change, int version, List<String> fields,
            String mergedInto, String relationship) {

        /** The entry's type as webhooks and subscriptions filter it: {@code TargetGroup} is {@code TARGET_GROUP}. */
        public static String type(Label kind) {
            return kind.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }
    }

    /**
     * Queues a delivery of {@code event} to every active endpoint that asked for it and whose filters
     * match (type; a region, the regions inside it included; a tag), due at {@code due} (a publication
     * for later is announced when it shows). Inside the caller's transaction.
     */
    public void content(ContentEvent event, OffsetDateTime due, OffsetDateTime now) {
        announce(event.event(), event.id(), event.type(), event.regions(), event.tags(), event.data(), due, now);
    }

    /**
     * Announces a change of an entry, due now, to the endpoints that asked for {@code ENTITY_CHANGED}
     * (filtered by entry type and by region: the regions the entry is in or active in, or the region
     * itself, with the regions around them). Inside the caller's transaction, before an entry merged
     * away is deleted.
     */
    public void entity(EntityChange change, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        var regions = (List<String>) neo4j.query("""
                MATCH (n:Entity {key: $key})
                RETURN COLLECT { MATCH (n)-[:LOCATED_IN|ACTIVE_IN*0..1]->(r:Region) RETURN DISTINCT r.key } AS regions""")
                .bind(change.key()).to("key").fetch().one().map(row -> row.get("regions")).orElse(List.of());
        var data = new LinkedHashMap<String, Object>();
        data.put("id", change.kind().name() + ":" + change.key());
        data.put("key", change.key());
        data.put("type", change.kind().name());
        data.put("change", change.change());
        data.put("version", change.version());
        data.put("fields", change.fields());
        if (change.mergedInto() != null) {
            data.put("mergedInto", change.kind().name() + ":" + change.mergedInto());
        }
        if (change.relationship() != null) {
            data.put("relationship", change.relationship());
        }
        announce(ENTITY_CHANGED, change.kind().name() + ":" + change.key(), EntityChange.type(change.kind()), regions,
                List.of(), data, now, now);
    }

    private void announce(String event, String subject, String type, List<String> regions, List<String> tags,
            Map<String, Object> data, OffsetDateTime due, OffsetDateTime now) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event);
        body.put("occurredAt", due.toInstant().toString());
        body.put("data", data);
        // Content filters by content type and tag; an entry by its type in entityTypes (entries have no tags).
        neo4j.query("""
                WITH COLLECT { UNWIND $regions AS k MATCH (:Entity {key: k})-[:PART_OF*0..6]->(x:Region)
                               RETURN DISTINCT x.key } AS regions
                CREATE (:ChangeEvent {id: randomUUID(), event: $event, subject: $subject, type: $type, regions: regions,
                                      tags: $tags, body: $body, dueAt: $due, createdAt: $now})
                WITH regions
                MATCH (w:Webhook) WHERE w.active AND $event IN w.events
                  AND CASE WHEN $content
                        THEN (size(w.types) = 0 OR $type IN w.types)
                             AND (size(w.tags) = 0 OR any(t IN w.tags WHERE t IN $tags))
                        ELSE size(coalesce(w.entityTypes, [])) = 0 OR $type IN w.entityTypes END
                  AND (size(w.regions) = 0 OR any(r IN w.regions WHERE r IN regions))
                CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: $event, subject: $subject,
                                           body: $body, status: 'PENDING', attempts: 0, nextAttemptAt: $due, createdAt: $now})""")
                .bind(event).to("event").bind(CONTENT_EVENTS.contains(event)).to("content").bind(type).to("type")
                .bind(subject).to("subject").bind(regions).to("regions").bind(tags).to("tags")
                .bind(JSON.writeValueAsString(body)).to("body").bind(due).to("due").bind(now).to("now").run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        }
    }
}
