package org.partnernetz.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The constraints and indexes the hub relies on, as numbered steps applied at every start (before
 * the seed import and before the web server opens), so that an existing database gets the indexes
 * a newer version of the hub needs. The version reached is kept in the graph
 * ({@code (:SchemaVersion {id: 'schema'})}); only newer steps run.
 *
 * <p>Why a small step list in the code rather than a migrations library: every step so far is
 * idempotent ({@code CREATE ... IF NOT EXISTS}, {@code DROP ... IF EXISTS}, data moves that skip
 * what was moved), so several instances starting at once on one database may both apply a step
 * without harm, and there is nothing to lock or roll back. A step is never changed once released; a
 * new need is a new step. Neo4j does not mix schema and data changes in one transaction, so each
 * statement runs on its own, in an auto-commit transaction (data moves commit in batches).
 */
@Component
public class GraphSchema implements SmartLifecycle {

    /** Before the seed import ({@code SeedOnStartup}, phase 0). */
    static final int PHASE = -100;

    private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

    /** One version of the schema: what it adds, and the statements that add it. */
    record Step(int version, String description, List<String> statements) {
    }

    static final List<Step> STEPS = List.of(
            new Step(1, "unique ids, slugs, sort and search indexes of the first seed; collaborations", concat(
                    List.of("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"),
                    perLabel("Source", "Region", "Organisation", "Person", "Project", "Event", "Figure"),
                    List.of("CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)",
                            "CREATE CONSTRAINT collaboration_key IF NOT EXISTS FOR (c:Collaboration) REQUIRE c.key IS UNIQUE",
                            "CREATE INDEX collaboration_pair IF NOT EXISTS FOR (c:Collaboration) ON (c.pairKey)"))),
            new Step(2, "target groups, topics and milestones; the seed's import state", concat(
                    perLabel("TargetGroup", "Topic", "Milestone"),
                    List.of("CREATE INDEX topic_kind IF NOT EXISTS FOR (n:Topic) ON (n.kind)",
                            "CREATE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric)",
                            "CREATE CONSTRAINT seed_state_id IF NOT EXISTS FOR (s:SeedState) REQUIRE s.id IS UNIQUE"))),
            new Step(3, "entities keyed by their seed key in `key` (was `id`, the API's word for global ids)", List.of(
                    "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE",
                    """
                    MATCH (n:Entity) WHERE n.key IS NULL AND n.id IS NOT NULL
                    CALL (n) {
                      WITH n WHERE NOT EXISTS { MATCH (:Entity {key: n.id}) }
                      SET n.key = n.id REMOVE n.id
                    } IN TRANSACTIONS OF 10000 ROWS""",
                    """
                    MATCH (n:Entity) WHERE n.key IS NOT NULL AND n.id IS NOT NULL
                    CALL (n) { REMOVE n.id } IN TRANSACTIONS OF 10000 ROWS""",
                    "DROP CONSTRAINT entity_id IF EXISTS")),
            new Step(4, "collaborations as one node per pair with two links or more (was one per link), ranked by range indexes", List.of(
                    """
                    MATCH (c:Collaboration) WHERE c.key IS NOT NULL
                    CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS""",
                    "DROP CONSTRAINT collaboration_key IF EXISTS",
                    "DROP INDEX collaboration_pair IF EXISTS",
                    "CREATE CONSTRAINT collaboration_pair_key IF NOT EXISTS FOR (c:Collaboration) REQUIRE c.pairKey IS UNIQUE",
                    "CREATE INDEX collaboration_rank IF NOT EXISTS FOR (c:Collaboration) ON (c.rank)",
                    "CREATE INDEX collaboration_b IF NOT EXISTS FOR (c:Collaboration) ON (c.b)",
                    "CREATE CONSTRAINT collaboration_total_id IF NOT EXISTS FOR (t:CollaborationTotal) REQUIRE t.id IS UNIQUE",
                    "CREATE CONSTRAINT collaboration_record_key IF NOT EXISTS FOR (r:CollaborationRecord) REQUIRE r.key IS UNIQUE")),
            new Step(5, "API tokens, found by the hash of their secret", List.of(
                    "CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE",
                    "CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE",
                    "CREATE INDEX api_token_name IF NOT EXISTS FOR (t:ApiToken) ON (t.name)")),
            new Step(6, "revisions of entities, by entity and version", List.of(
                    "CREATE CONSTRAINT revision_entity_version IF NOT EXISTS FOR (r:Revision) REQUIRE (r.entityKey, r.version) IS UNIQUE")),
            new Step(7, "seeded relationships removed through the API, which a re-import leaves out", List.of(
                    "CREATE CONSTRAINT removed_relationship_key IF NOT EXISTS FOR (t:RemovedRelationship) REQUIRE t.key IS UNIQUE")),
            new Step(8, "merged duplicates, whose keys lead to the survivor; the audit trail, newest first", List.of(
                    "CREATE CONSTRAINT merged_entity_key IF NOT EXISTS FOR (m:MergedEntity) REQUIRE m.key IS UNIQUE",
                    "CREATE INDEX merged_entity_into IF NOT EXISTS FOR (m:MergedEntity) ON (m.into)",
                    "CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE",
                    "CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)")),
            new Step(9, "archived entries by slug (their slugs stay theirs; the index also makes the label known, so"
                    + " queries that leave archived entries out draw no warning before the first archive)", List.of(
                    "CREATE INDEX archived_entity_slug IF NOT EXISTS FOR (n:Archived) ON (n.slug)")),
            new Step(10, "an organisation's stored pairs in rank order: each pair's first organisation in `a`,"
                    + " and indexes on either organisation with the rank", List.of(
                    """
                    MATCH (p:Collaboration) WHERE p.a IS NULL
                    CALL (p) { SET p.a = split(p.pairKey, '|')[0] } IN TRANSACTIONS OF 10000 ROWS""",
                    "CREATE INDEX collaboration_a_rank IF NOT EXISTS FOR (c:Collaboration) ON (c.a, c.rank)",
                    "CREATE INDEX collaboration_b_rank IF NOT EXISTS FOR (c:Collaboration) ON (c.b, c.rank)")),
            new Step(11, "the regions of each stored pair's links on their own (`linkRegions`), for time windows", List.of(
                    """
                    MATCH (p:Collaboration) WHERE p.linkRegions IS NULL
                    CALL (p) { SET p.linkRegions = [link IN p.links | split(link, '\t')[8]] } IN TRANSACTIONS OF 10000 ROWS""")),
            new Step(12, "content for partner websites: items by key, every slug they had, newest published first", List.of(
                    "CREATE CONSTRAINT content_key IF NOT EXISTS FOR (c:Content) REQUIRE c.key IS UNIQUE",
                    "CREATE CONSTRAINT content_slug_key IF NOT EXISTS FOR (s:ContentSlug) REQUIRE s.key IS UNIQUE",
                    "CREATE INDEX content_published IF NOT EXISTS FOR (c:Content) ON (c.publishedAt)")),
            new Step(13, "preview tokens of drafts, found by the hash of their secret", List.of(
                    "CREATE CONSTRAINT preview_token_hash IF NOT EXISTS FOR (t:PreviewToken) REQUIRE t.hash IS UNIQUE")),
            new Step(14, "webhook endpoints, their outbox of deliveries (due first) and each delivery's attempts", List.of(
                    "CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (w:Webhook) REQUIRE w.id IS UNIQUE",
                    "CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE",
                    "CREATE INDEX webhook_delivery_due IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status, d.nextAttemptAt)",
                    "CREATE INDEX webhook_delivery_endpoint IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.webhookId)",
                    "CREATE INDEX webhook_attempt_delivery IF NOT EXISTS FOR (a:WebhookAttempt) ON (a.deliveryId)")),
            // Numbered 15, not 16 as planned: the steps must be contiguous (GraphSchemaTests).
            new Step(15, "public submissions: found by their reference, the moderation queue oldest first by status", List.of(
                    "CREATE CONSTRAINT submission_reference IF NOT EXISTS FOR (s:Submission) REQUIRE s.reference IS UNIQUE",
                    "CREATE INDEX submission_queue IF NOT EXISTS FOR (s:Submission) ON (s.status, s.createdAt)")),
            new Step(16, "full-text search: entries' names and texts in German and English, content's live texts, names as terms", List.of(
                    "CREATE FULLTEXT INDEX entity_text_de IF NOT EXISTS FOR (n:Organisation|Project|Event|Person|Region) ON EACH [n.name, n.shortName, n.aliases, n.description] OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}",
                    "CREATE FULLTEXT INDEX entity_text_en IF NOT EXISTS FOR (n:Organisation|Project|Event|Person|Region) ON EACH [n.name, n.shortName, n.aliases, n.descriptionEn] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
                    "CREATE FULLTEXT INDEX content_text_de IF NOT EXISTS FOR (v:ContentVersion) ON EACH [v.title_de, v.summary_de, v.body_de] OPTIONS {indexConfig: {`fulltext.analyzer`: 'german'}}",
                    "CREATE FULLTEXT INDEX content_text_en IF NOT EXISTS FOR (v:ContentVersion) ON EACH [v.title_en, v.summary_en, v.body_en] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
                    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Organisation|Project|Person|Region) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")),
            new Step(17, "the change feed of the subscriptions, read by the time each event falls due", List.of(
                    "CREATE INDEX change_event_due IF NOT EXISTS FOR (c:ChangeEvent) ON (c.dueAt)")),
            new Step(18, "places on the map: regions and entries by their point, for near(...)", List.of(
                    "CREATE POINT INDEX region_location IF NOT EXISTS FOR (r:Region) ON (r.location)",
                    "CREATE POINT INDEX entity_location IF NOT EXISTS FOR (n:Entity) ON (n.location)")),
            new Step(19, "network measures computed ahead: one run per region, its nodes in each measure's order; leases of background work", List.of(
                    "CREATE CONSTRAINT measure_run_scope IF NOT EXISTS FOR (r:MeasureRun) REQUIRE r.scope IS UNIQUE",
                    "CREATE INDEX node_measure_degree IF NOT EXISTS FOR (m:NodeMeasure) ON (m.scope, m.rankDegree)",
                    "CREATE INDEX node_measure_betweenness IF NOT EXISTS FOR (m:NodeMeasure) ON (m.scope, m.rankBetweenness)",
                    "CREATE INDEX node_measure_closeness IF NOT EXISTS FOR (m:NodeMeasure) ON (m.scope, m.rankCloseness)",
                    "CREATE INDEX node_measure_page_rank IF NOT EXISTS FOR (m:NodeMeasure) ON (m.scope, m.rankPageRank)",
                    "CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE")),
            new Step(20, "persisted queries: registered documents by the SHA-256 of their text", List.of(
                    "CREATE CONSTRAINT persisted_document_hash IF NOT EXISTS FOR (p:PersistedDocument) REQUIRE p.hash IS UNIQUE")),
            new Step(21, "the graph's revision, which every write advances (ETags of public reads)", List.of(
                    "CREATE CONSTRAINT graph_revision_id IF NOT EXISTS FOR (r:GraphRevision) REQUIRE r.id IS UNIQUE")));

    private final Neo4jClient neo4j;
    private final Driver driver;
    private volatile boolean running;

    GraphSchema(Neo4jClient neo4j, Driver driver) {
        this.neo4j = neo4j;
        this.driver = driver;
    }

    /** The schema version the code expects: the last step's. */
    public static int latest() {
        return STEPS.getLast().version();
    }

    /** The version the database has reached; 0 for a database the hub has not set up. */
    public int current() {
        return neo4j.query("MATCH (v:SchemaVersion) RETURN coalesce(max(v.version), 0) AS version")
                .fetchAs(Integer.class).one().orElse(0);
    }

    /** Applies the steps the database lacks; returns the version reached. Idempotent. */
    public int apply() {
        // Most starts find the database up to date: one read, and nothing to apply or check (the
        // version node exists only once its constraint and the steps up to its version do).
        int reached = current();
        if (reached >= latest()) {
            return reached;
        }
        // One version node, even when two instances start at once: MERGE under a unique constraint.
        try (var session = driver.session()) {
            session.run("CREATE CONSTRAINT schema_version_id IF NOT EXISTS FOR (v:SchemaVersion) REQUIRE v.id IS UNIQUE")
                    .consume();
        }
        int current = reached;
        for (var step : STEPS) {
            if (step.version() > current) {
                try (var session = driver.session()) {
                    step.statements().forEach(statement -> session.run(statement).consume());
                }
                neo4j.query("CALL db.awaitIndexes(300)").run();
                neo4j.query("""
                        MERGE (v:SchemaVersion {id: 'schema'})
                        SET v.version = CASE WHEN coalesce(v.version, 0) < $version THEN $version ELSE v.version END,
                            v.description = CASE WHEN coalesce(v.version, 0) <= $version THEN $description ELSE v.description END
                        """).bind(step.version()).to("version").bind(step.description()).to("description").run();
                log.info("Graph schema is at version {}: {}", step.version(), step.description());
                current = step.version();
            }
        }
        var keyless = neo4j.query("MATCH (n:Entity) WHERE n.key IS NULL RETURN collect(n.id)[0..20] AS ids")
                .fetchAs(List.class).mappedBy((types, record) -> record.get("ids").asList(value -> value.asObject()))
                .one().orElse(List.of());
        if (!keyless.isEmpty()) {
            log.warn("Entities without a key (their old id is another entity's key; resolve by hand): {}", keyless);
        }
        return current;
    }

    @Override
    public void start() {
        apply();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A unique slug, a sort index and a text index for the names of each label. */
    private static List<String> perLabel(String... labels) {
        var statements = new ArrayList<String>();
        for (var label : labels) {
            var name = label.toLowerCase();
            statements.add("CREATE CONSTRAINT %s_slug IF NOT EXISTS FOR (n:%s) REQUIRE n.slug IS UNIQUE".formatted(name, label));
            statements.add("CREATE INDEX %s_sort IF NOT EXISTS FOR (n:%s) ON (n.sortName)".formatted(name, label));
            statements.add("CREATE TEXT INDEX %s_search IF NOT EXISTS FOR (n:%s) ON (n.searchText)".formatted(name, label));
        }
        return statements;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
