package org.partnernetz.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: a change that partners may want to hear about writes one delivery per matching
 * endpoint, {@code (:WebhookDelivery {status: 'PENDING', nextAttemptAt})}, in the change's own
 * transaction, so a delivery exists exactly when its change committed, crash or not. The worker
 * ({@link WebhookWorker}) sends them; after the commit it is woken, so a delivery leaves at once.
 */
@Component
public class WebhookOutbox {

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
     * Queues a delivery of {@code event} to every active endpoint that asked for it and whose filters
     * match (type; a region, the regions inside it included; a tag), due at {@code due} (a publication
     * for later is announced when it shows). Inside the caller's transaction.
     */
    public void content(ContentEvent event, OffsetDateTime due, OffsetDateTime now) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("event", event.event());
        body.put("occurredAt", due.toInstant().toString());
        body.put("data", event.data());
        neo4j.query("""
                WITH COLLECT { UNWIND $regions AS k MATCH (:Entity {key: k})-[:PART_OF*0..6]->(x:Region)
                               RETURN DISTINCT x.key } AS regions
                MATCH (w:Webhook) WHERE w.active AND $event IN w.events
                  AND (size(w.types) = 0 OR $type IN w.types)
                  AND (size(w.tags) = 0 OR any(t IN w.tags WHERE t IN $tags))
                  AND (size(w.regions) = 0 OR any(r IN w.regions WHERE r IN regions))
                CREATE (d:WebhookDelivery {id: randomUUID(), webhookId: w.id, event: $event, subject: $subject,
                                           body: $body, status: 'PENDING', attempts: 0, nextAttemptAt: $due, createdAt: $now})""")
                .bind(event.event()).to("event").bind(event.type()).to("type").bind(event.id()).to("subject")
                .bind(event.regions()).to("regions").bind(event.tags()).to("tags")
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
