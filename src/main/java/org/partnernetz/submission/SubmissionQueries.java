package org.partnernetz.submission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.partnernetz.graphql.SortKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The Cypher of submissions. A submission is a {@code (:Submission {reference, status, ...})}
 * node with no label {@code Entity} and no relationships, so no public read (lists, search,
 * {@code node(id:)}) can reach it; an accepted one names its project by {@code projectKey}.
 */
@Component
class SubmissionQueries {

    /** Oldest first, then by reference: the moderation queue's order. */
    static final List<SortKey> OLDEST_FIRST = List.of(SortKey.ascending("s.createdAt.epochMillis"),
            SortKey.ascending("s.reference"));

    private final Neo4jClient neo4j;

    SubmissionQueries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(String reference, SubmissionInput input, String status, String reason, OffsetDateTime now) {
        var properties = new java.util.HashMap<String, Object>();
        properties.put("reference", reference);
        properties.put("status", status);
        properties.put("name", input.name());
        properties.put("description", input.description());
        properties.put("place", input.place());
        properties.put("contactName", input.contactName());
        properties.put("contactEmail", input.contactEmail());
        properties.put("links", input.links());
        properties.put("photos", input.photos());
        properties.put("videos", input.videos());
        properties.put("createdAt", now);
        properties.put("version", 1);
        if (reason != null) {
            // Refused as spam at once: decided by the hub, not by an editor.
            properties.put("decidedAt", now);
            properties.put("decidedBy", Submission.SPAM_GUARD);
            properties.put("reason", reason);
            properties.put("version", 2);
        }
        neo4j.query("CREATE (s:Submission) SET s = $properties").bind(properties).to("properties").run();
    }

    Optional<Submission> find(String reference) {
        return neo4j.query("MATCH (s:Submission {reference: $reference}) RETURN s")
                .bind(reference).to("reference").fetchAs(Submission.class)
                .mappedBy((types, record) -> submission(record.get("s"))).one();
    }

    /** The submission under its write lock, so that two editors cannot decide it both. */
    Optional<Submission> lock(String reference) {
        return neo4j.query("MATCH (s:Submission {reference: $reference}) SET s.version = s.version RETURN s")
                .bind(reference).to("reference").fetchAs(Submission.class)
                .mappedBy((types, record) -> submission(record.get("s"))).one();
    }

    void decide(String reference, String status, String by, String reason, String projectKey, OffsetDateTime now) {
        neo4j.query("""
                MATCH (s:Submission {reference: $reference})
                SET s.status = $status, s.decidedAt = $now, s.decidedBy = $by, s.reason = $reason,
                    s.projectKey = $projectKey, s.version = s.version + 1""")
                .bind(reference).to("reference").bind(status).to("status").bind(now).to("now").bind(by).to("by")
                .bind(reason).to("reason").bind(projectKey).to("projectKey").run();
    }

    /** A page of submissions (of one status, or all), oldest first, with the total. */
    record Page(List<Submission> submissions, List<List<Object>> keys, int total) {
    }

    Page list(String status, int limit, Map<String, Object> parameters) {
        var rows = neo4j.query("""
                MATCH (s:Submission) WHERE $status IS NULL OR s.status = $status
                WITH s, %s AS key WHERE %s
                RETURN s, key ORDER BY %s LIMIT $limit""".formatted(SortKey.values(OLDEST_FIRST),
                        SortKey.after(OLDEST_FIRST, "key"), SortKey.orderBy(OLDEST_FIRST, "key")))
                .bindAll(parameters).bind(status).to("status").bind(limit).to("limit")
                .fetchAs(Map.class).mappedBy((types, record) -> Map.of("s", submission(record.get("s")),
                        "key", record.get("key").asList()))
                .all();
        int total = neo4j.query("MATCH (s:Submission) WHERE $status IS NULL OR s.status = $status RETURN count(s)")
                .bind(status).to("status").fetchAs(Long.class).one().orElse(0L).intValue();
        @SuppressWarnings("unchecked")
        var items = rows.stream().map(row -> (Submission) row.get("s")).toList();
        @SuppressWarnings("unchecked")
        List<List<Object>> keys = rows.stream().map(row -> (List<Object>) row.get("key")).toList();
        return new Page(items, keys, total);
    }

    /** The project's version, description, website and the documents mentioning it; empty when it is none. */
    Optional<Map<String, Object>> project(String key) {
        return neo4j.query("""
                MATCH (p:Entity:Project {key: $key})
                RETURN coalesce(p.version, 1) AS version, p.description AS description, p.website AS website,
                       COLLECT { MATCH (s:Source)-[:MENTIONS]->(p) RETURN s.key ORDER BY s.key } AS sources""")
                .bind(key).to("key").fetch().one();
    }

    private static Submission submission(Value node) {
        return new Submission(text(node, "reference"), Submission.Status.valueOf(node.get("status").asString()),
                text(node, "name"), text(node, "description"), text(node, "place"), text(node, "contactName"),
                text(node, "contactEmail"), strings(node, "links"), strings(node, "photos"), strings(node, "videos"),
                time(node, "createdAt"), time(node, "decidedAt"), text(node, "decidedBy"), text(node, "reason"),
                text(node, "projectKey"), node.get("version").asInt(1));
    }

    private static String text(Value node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asString();
    }

    private static List<String> strings(Value node, String field) {
        return node.get(field).isNull() ? List.of() : node.get(field).asList(Value::asString);
    }

    private static String time(Value node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asZonedDateTime().toInstant().toString();
    }
}
