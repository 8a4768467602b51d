package org.partnernetz.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;
import org.partnernetz.graph.GraphRevision;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of entities, kept in the graph: each change is a {@code (:Revision)-[:REVISION_OF]->}
 * the entity, written in the change's transaction, so the history holds exactly the changes that
 * committed. Also the no-lost-update check: {@link #lock} takes the entity's write lock and then
 * reads its version, so two updates from the same version cannot both pass.
 */
@Component
public class Revisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<SortKey> NEWEST_FIRST = List.of(SortKey.descending("r.version"));

    private final Neo4jClient neo4j;
    private final GraphRevision revision;

    Revisions(Neo4jClient neo4j, BatchLoaderRegistry registry, GraphRevision revision) {
        this.neo4j = neo4j;
        this.revision = revision;
        registry.<Page, Connection<Connection.Edge<Revision>>>forName(LOADER)
                .registerMappedBatchLoader((wanted, env) -> Mono.fromCallable(() -> pages(wanted)));
    }

    /** An entity as it stands under its write lock: its properties and version (1 until its first change). */
    public record Locked(Map<String, Object> properties, int version) {
    }

    /**
     * Takes the write lock of the entity with this key and label (held to the end of the caller's
     * transaction) and reads it; empty if there is none. Another transaction's update of it waits
     * for this one and then reads what this one wrote.
     */
    public java.util.Optional<Locked> lock(String label, String key) {
        return neo4j.query("""
                MATCH (n:Entity {key: $key}) WHERE $label IN labels(n)
                SET n.lockedBy = randomUUID()
                REMOVE n.lockedBy
                RETURN properties(n) AS properties, coalesce(n.version, 1) AS version""")
                .bind(key).to("key").bind(label).to("label")
                .fetchAs(Locked.class).mappedBy((types, record) -> new Locked(record.get("properties").asMap(),
                        record.get("version").asInt()))
                .one();
    }

    /**
     * Takes the write locks of several entities (key to label) in key order, so that two changes
     * locking the same entities cannot wait for each other; the versions of those that exist.
     */
    public Map<String, Integer> lockAll(Map<String, String> labels) {
        var entries = new java.util.TreeMap<>(labels).entrySet().stream()
                .map(entry -> Map.of("key", entry.getKey(), "label", entry.getValue())).toList();
        var versions = new HashMap<String, Integer>();
        neo4j.query("""
                UNWIND $entries AS entry
                MATCH (n:Entity {key: entry.key}) WHERE entry.label IN labels(n)
                SET n.lockedBy = randomUUID()
                REMOVE n.lockedBy
                RETURN n.key AS key, coalesce(n.version, 1) AS version""")
                .bind(entries).to("entries").fetch().all()
                .forEach(row -> versions.put((String) row.get("key"), ((Number) row.get("version")).intValue()));
        return versions;
    }

    /** The fields whose values differ between two property maps, in the order of {@code fields}. */
    public static List<Revision.FieldChange> changes(List<String> fields, Map<String, Object> before,
            Map<String, Object> after) {
        var changes = new ArrayList<Revision.FieldChange>();
        for (var field : fields) {
            var from = before.get(field);
            var to = after.get(field);
            if (!Objects.equals(normal(from), normal(to))) {
                changes.add(new Revision.FieldChange(field, json(from), json(to)));
            }
        }
        return changes;
    }

    /**
     * Writes the revision of a change that brought an entity, relationship or item of content (by
     * key) to {@code version}; an entity's is linked to it. Every edit passes here, drafts included,
     * so this is where the {@link GraphRevision} (the ETags of GET answers) advances.
     */
    public void record(String key, int version, OffsetDateTime at, String by, String credential, String comment,
            List<Revision.FieldChange> changes) {
        var rows = changes.stream().map(change -> {
            var row = new HashMap<String, Object>();
            row.put("field", change.field());
            row.put("from", change.from());
            row.put("to", change.to());
            return row;
        }).toList();
        neo4j.query("""
                CREATE (r:Revision {entityKey: $key, version: $version, at: $at, by: $by, credential: $credential,
                                    comment: $comment, changes: $changes})
                WITH r
                OPTIONAL MATCH (n:Entity {key: $key})
                FOREACH (entity IN CASE WHEN n IS NULL THEN [] ELSE [n] END | CREATE (r)-[:REVISION_OF]->(entity))""")
                .bind(key).to("key").bind(version).to("version").bind(at).to("at").bind(by).to("by")
                .bind(credential).to("credential").bind(comment).to("comment").bind(JSON.writeValueAsString(rows)).to("changes")
                .run();
        revision.advance();
    }

    /** Every revision of an entity after {@code version}, newest first (to take changes back). */
    public List<Revision> after(String key, int version) {
        return neo4j.query("""
                MATCH (r:Revision {entityKey: $key}) WHERE r.version > $version
                RETURN r ORDER BY r.version DESC""")
                .bind(key).to("key").bind(version).to("version")
                .fetchAs(Revision.class).mappedBy((types, record) -> revision(record.get("r").asNode())).all()
                .stream().toList();
    }

    /** A value of a {@link Revision.FieldChange} (JSON text) as the property it was; null for none. */
    public static Object value(String json) {
        if (json == null) {
            return null;
        }
        var node = JSON.readTree(json);
        if (node.isArray()) {
            var list = new ArrayList<String>();
            node.forEach(item -> list.add(item.asString()));
            return List.copyOf(list);
        }
        return node.isNumber() ? (Object) node.doubleValue() : node.isBoolean() ? (Object) node.booleanValue()
                : node.asString();
    }

    /** The name of the data loader of {@link #pages}, for a {@code DataLoader} parameter of that name. */
    public static final String LOADER = "revisions";

    /** One page of one entity's revisions. */
    public record Page(String key, PageRequest page) {
    }

    private static final String PAGES = """
            UNWIND $keys AS key
            CALL (key) {
              MATCH (r:Revision {entityKey: key})
              WITH r, %s AS sortKey ORDER BY %s
              WITH collect({r: r, key: sortKey}) AS rows
              RETURN size(rows) AS total, [row IN rows WHERE %s][0..$limit] AS page
            }
            RETURN key, total, page
            """.formatted(SortKey.values(NEWEST_FIRST), SortKey.orderBy(NEWEST_FIRST, "sortKey"),
            SortKey.after(NEWEST_FIRST, "row.key"));

    /**
     * Pages of the revisions of many entities, newest first: one query per page size and cursor,
     * whatever the number of entities (the request's data loader gathers them).
     */
    Map<Page, Connection<Connection.Edge<Revision>>> pages(Set<Page> pages) {
        var result = new HashMap<Page, Connection<Connection.Edge<Revision>>>();
        pages.stream().collect(Collectors.groupingBy(Page::page)).forEach((page, members) -> {
            var parameters = new HashMap<String, Object>();
            parameters.put("keys", members.stream().map(Page::key).distinct().toList());
            parameters.put("limit", page.limit());
            SortKey.bindAfter("revisions", NEWEST_FIRST, page, parameters);
            neo4j.query(PAGES).bindAll(parameters).fetch().all().forEach(row -> {
                var rows = new ArrayList<Connection.Row<Revision>>();
                for (var item : (List<?>) row.get("page")) {
                    var entry = (Map<?, ?>) item;
                    var revision = revision((org.neo4j.driver.types.Node) entry.get("r"));
                    rows.add(new Connection.Row<>(revision, List.<Object>of((long) revision.version())));
                }
                result.put(new Page((String) row.get("key"), page),
                        Connection.ofNodes("revisions", rows, page, ((Number) row.get("total")).intValue()));
            });
        });
        pages.forEach(page -> result.putIfAbsent(page, Connection.ofNodes("revisions", List.of(), page.page(), 0)));
        return result;
    }

    private static Revision revision(org.neo4j.driver.types.Node node) {
        var changes = new ArrayList<Revision.FieldChange>();
        for (var change : JSON.readTree(node.get("changes").asString())) {
            changes.add(new Revision.FieldChange(change.get("field").asString(), text(change.get("from")),
                    text(change.get("to"))));
        }
        Value comment = node.get("comment");
        return new Revision(node.get("version").asInt(), node.get("at").asOffsetDateTime().toInstant(),
                node.get("by").asString(), comment.isNull() ? null : comment.asString(), List.copyOf(changes));
    }

    private static String text(tools.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** Lists compare by their items, whatever their Java type; empty and absent are the same. */
    private static Object normal(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : List.copyOf(list);
        }
        return value instanceof String text && text.isEmpty() ? null : value;
    }

    private static String json(Object value) {
        var normal = normal(value);
        return normal == null ? null : JSON.writeValueAsString(normal);
    }
}
