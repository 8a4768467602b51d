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
        var row = event(event.event(), event.id(), event.type(), event.data(), due);
        row.put("regions", event.regions());
        row.put("tags", event.tags());
        announce(List.of(row), now);
    }

    /**
     * Announces changes of entries, due now, to the endpoints that asked for {@code ENTITY_CHANGED}
     * (filtered by entry type and by region: the regions each entry is in or active in, or the region
     * itself, with the regions around them, read in the same query). Inside the caller's transaction,
     * before an entry merged away is deleted; all of them in one round trip.
     */
    public void entities(List<EntityChange> changes, OffsetDateTime now) {
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (var change : changes) {
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
            var row = event(ENTITY_CHANGED, change.kind().name() + ":" + change.key(), EntityChange.type(change.kind()),
                    data, now);
            row.put("key", change.key());
            row.put("tags", List.of());
            rows.add(row);
        }
        announce(rows, now);
    }

    /** {@link #entities} for one change. */
    public void entity(EntityChange change, OffsetDateTime now) {
        entities(List.of(change), now);
    }

    private static Map<String, Object> event(String event, String subject, String type, Map<String, Object> data,
            OffsetDateTime due) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event);
        body.put("occurredAt", due.toInstant().toString());
        body.put("data", data);
        var row = new java.util.HashMap<String, Object>();
        row.put("event", event);
        row.put("content", CONTENT_EVENTS.contains(event));
        row.put("subject", subject);
        row.put("type", type);
        row.put("body", JSON.writeValueAsString(body));
        row.put("due", due);
        return row;
    }

    /**
     * One change event per row, and a delivery per matching endpoint. A row gives its regions (content)
     * or the key of the entry whose regions they are.
     */
    private void announce(List<Map<String, Object>> rows, OffsetDateTime now) {
        // Content filters by content type and tag; an entry by its type in entityTypes (entries have no tags).
        neo4j.query("""
                UNWIND $rows AS e
                CALL (e) {
                  WITH CASE WHEN e.key IS NULL THEN e.regions
                       ELSE COLLECT { MATCH (:Entity {key: e.key})-[:LOCATED_IN|ACTIVE_IN*0..1]->(r:Region)
                                      RETURN DISTINCT r.key } END AS direct
                  RETURN COLLECT { UNWIND direct AS k MATCH (:Entity {key: k})-[:PART_OF*0..6]->(x:Region)
                                   RETURN DISTINCT x.key } AS regions
                }
                CREATE (:ChangeEvent {id: randomUUID(), event: e.event, subject: e.subject, type: e.type, regions: regions,
                                      tags: e.tags, body: e.body, dueAt: e.due, createdAt: $now})
                WITH e, regions
                MATCH (w:Webhook) WHERE w.active AND e.event IN w.events
                  AND CASE WHEN e.content
                        THEN (size(w.types) = 0 OR e.type IN w.types)
                             AND (size(w.tags) = 0 OR any(t IN w.tags WHERE t IN e.tags))
                        ELSE size(coalesce(w.entityTypes, [])) = 0 OR e.type IN w.entityTypes END
                  AND (size(w.regions) = 0 OR any(r IN w.regions WHERE r IN regions))
                CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: e.event, subject: e.subject,
                                           body: e.body, status: 'PENDING', attempts: 0, nextAttemptAt: e.due, createdAt: $now})""")
                .bind(rows).to("rows").bind(now).to("now").run();
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
