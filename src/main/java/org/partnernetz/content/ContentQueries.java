package org.partnernetz.content;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.SortKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The Cypher of content. An item is a {@code (:Content)} node (key, type, status, version, times)
 * with its draft, {@code -[:DRAFT]->(:ContentVersion)}, and the versions it published,
 * {@code -[:PUBLISHED]->(:ContentVersion {visibleFrom})}: the live one is the newest whose
 * {@code visibleFrom} has come, so a version scheduled for later leaves the one before it live until
 * then, and publication at a time needs no timer (the condition is part of every public read). A
 * version holds the draft's fields ({@link ContentInput#FIELDS}) and their rendered HTML. Every
 * slug an item had is a {@code (:ContentSlug {key: 'de/<slug>'})-[:SLUG_OF]->} it.
 */
@Component
class ContentQueries {

    /** The labels of what content can name: topics, regions and the entities it mentions. */
    private static final List<String> NAMED = java.util.Arrays.stream(Label.values()).map(Label::name).toList();

    /** An item as stored: its node, the version an answer shows, and the nodes that version names. */
    record Stored(Node content, Node version, List<Node> topics, List<Node> regions, List<Node> mentions,
            Node project, boolean hasUnpublishedChanges) {
    }

    /** Newest first by first publication, then by key: the order of {@code contents}. */
    static final List<SortKey> NEWEST_FIRST = List.of(SortKey.descending("c.publishedAt.epochMillis"),
            SortKey.descending("c.key"));

    private final Neo4jClient neo4j;

    ContentQueries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The version an answer shows ({@code v}), chosen for {@code c}: its draft, or its live published version. */
    private static final String VERSION = """
            CALL (c) {
              OPTIONAL MATCH (c)-[:DRAFT]->(draft:ContentVersion)
              OPTIONAL MATCH (c)-[:PUBLISHED]->(p:ContentVersion)
                WHERE p.visibleFrom <= $now AND c.status <> 'ARCHIVED' AND (c.unpublishAt IS NULL OR c.unpublishAt > $now)
              WITH draft, p ORDER BY p.visibleFrom DESC LIMIT 1
              RETURN CASE WHEN $draft THEN draft ELSE p END AS v, draft.digest <> coalesce(p.digest, '') AS changed
            }
            """;

    /** What a version {@code v} names, and the columns {@link #stored} reads. */
    private static final String NAMED_BY_VERSION = """
            RETURN c, v, changed,
                   COLLECT { UNWIND coalesce(v.topics, []) AS k MATCH (t:Entity {key: k}) WHERE t:Topic
                             RETURN t ORDER BY t.sortName, t.key } AS topics,
                   COLLECT { UNWIND coalesce(v.regions, []) AS k MATCH (r:Entity {key: k}) WHERE r:Region
                             RETURN r ORDER BY r.sortName, r.key } AS regions,
                   COLLECT { UNWIND coalesce(v.mentions, []) AS k MATCH (n:Entity {key: k})
                             WHERE any(l IN labels(n) WHERE l IN $named) RETURN n ORDER BY n.sortName, n.key } AS mentions,
                   head(COLLECT { MATCH (p:Entity {key: v.project}) WHERE p:Project RETURN p }) AS project
            """;

    /** The item with this key or slug (in any language, current or earlier), as {@code draft} or published. */
    Optional<Stored> find(String key, String slug, boolean draft, OffsetDateTime now) {
        return neo4j.query("""
                OPTIONAL MATCH (byKey:Content {key: $key})
                OPTIONAL MATCH (:ContentSlug {key: 'de/' + $slug})-[:SLUG_OF]->(de:Content)
                OPTIONAL MATCH (:ContentSlug {key: 'en/' + $slug})-[:SLUG_OF]->(en:Content)
                WITH coalesce(byKey, de, en) AS c WHERE c IS NOT NULL
                """ + VERSION + "WITH c, v, changed WHERE v IS NOT NULL\n" + NAMED_BY_VERSION)
                .bind(key).to("key").bind(slug).to("slug").bind(draft).to("draft").bind(now).to("now")
                .bind(NAMED).to("named")
                .fetchAs(Stored.class).mappedBy((types, record) -> stored(record)).one();
    }

    /** Stores a preview token's hash for an item, and forgets the tokens that have expired. */
    void createPreviewToken(String hash, String key, OffsetDateTime expiresAt, String by, OffsetDateTime now) {
        neo4j.query("""
                CALL () { MATCH (old:PreviewToken) WHERE old.expiresAt <= $now DELETE old }
                CREATE (:PreviewToken {hash: $hash, contentKey: $key, expiresAt: $expiresAt, createdBy: $by, createdAt: $now})""")
                .bind(hash).to("hash").bind(key).to("key").bind(expiresAt).to("expiresAt").bind(by).to("by")
                .bind(now).to("now").run();
    }

    /** The key of the item a preview token that has not expired was made for. */
    Optional<String> previewed(String hash, OffsetDateTime now) {
        return neo4j.query("""
                MATCH (t:PreviewToken {hash: $hash}) WHERE t.expiresAt > $now RETURN t.contentKey AS key""")
                .bind(hash).to("hash").bind(now).to("now").fetchAs(String.class).one();
    }

    /** A filter of {@code contents}: type, regions (a region and those inside it), a mentioned entity, a tag. */
    record Filter(String type, List<String> regions, String mentions, String tag) {
    }

    /** A page of live published items, newest first, and how many match in all. */
    record Page(List<Stored> items, List<List<Object>> keys, int total) {
    }

    Page list(Filter filter, int limit, Map<String, Object> after, OffsetDateTime now) {
        var parameters = new HashMap<String, Object>(after);
        parameters.put("type", filter.type());
        parameters.put("regions", filter.regions());
        parameters.put("mentions", filter.mentions());
        parameters.put("tag", filter.tag());
        parameters.put("limit", limit);
        parameters.put("now", now);
        parameters.put("draft", false);
        parameters.put("named", NAMED);
        var items = new ArrayList<Stored>();
        var keys = new ArrayList<List<Object>>();
        int[] total = {0};
        neo4j.query("""
                MATCH (c:Content) WHERE ($type IS NULL OR c.type = $type) AND c.publishedAt IS NOT NULL
                """ + VERSION + """
                WITH c, v, changed WHERE v IS NOT NULL AND ($tag IS NULL OR $tag IN coalesce(v.tags, []))
                  AND ($regions IS NULL OR any(k IN coalesce(v.regions, []) WHERE k IN $regions))
                  AND ($mentions IS NULL OR $mentions IN coalesce(v.mentions, []))
                WITH c, v, changed, %1$s AS sortKey ORDER BY %2$s
                WITH collect({c: c, v: v, changed: changed, sortKey: sortKey}) AS rows
                UNWIND ([row IN rows WHERE %3$s][0..$limit] + [null]) AS row
                WITH size(rows) AS total, row
                WITH total, row.c AS c, row.v AS v, row.changed AS changed, row.sortKey AS sortKey
                """.formatted(SortKey.values(NEWEST_FIRST), SortKey.orderBy(NEWEST_FIRST, "sortKey"),
                SortKey.after(NEWEST_FIRST, "row.sortKey")) + NAMED_BY_VERSION + ", total, sortKey")
                .bindAll(parameters)
                .fetchAs(Void.class).mappedBy((types, record) -> {
                    total[0] = record.get("total").asInt();
                    if (!record.get("c").isNull()) {
                        items.add(stored(record));
                        keys.add(record.get("sortKey").asList(value -> value.isNull() ? null : value.asObject()));
                    }
                    return null;
                }).all();
        return new Page(items, keys, total[0]);
    }

    /** A live published item found by a full-text index, with the index's score. */
    record Found(Stored stored, double score) {
    }

    /**
     * The live published items whose live version matches a full-text query in {@code index}, best
     * first; a matching draft or an older published version is not found.
     */
    List<Found> search(String index, String query, List<String> types, List<String> regions, int limit, OffsetDateTime now) {
        return new ArrayList<>(neo4j.query("""
                CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node AS hit, score
                MATCH (c:Content)-[:PUBLISHED]->(hit) WHERE $types IS NULL OR c.type IN $types
                """ + VERSION + """
                WITH c, v, changed, score WHERE v = hit
                  AND ($regions IS NULL OR any(k IN coalesce(v.regions, []) WHERE k IN $regions))
                """ + NAMED_BY_VERSION + ", score ORDER BY score DESC")
                .bind(index).to("index").bind(query).to("query").bind(types).to("types").bind(regions).to("regions")
                .bind(limit).to("limit").bind(now).to("now").bind(false).to("draft").bind(NAMED).to("named")
                .fetchAs(Found.class).mappedBy((t, record) -> new Found(stored(record), record.get("score").asDouble()))
                .all());
    }

    /**
     * Takes the item's write lock (to the end of the transaction) and reads it: its node's properties
     * and its draft's. Another change of it waits, then reads what this one wrote.
     */
    Optional<Map<String, Object>> lock(String key) {
        return neo4j.query("""
                MATCH (c:Content {key: $key})
                SET c.lockedBy = randomUUID()
                REMOVE c.lockedBy
                WITH c
                MATCH (c)-[:DRAFT]->(d:ContentVersion)
                RETURN c {.*, draft: properties(d), published: EXISTS { (c)-[:PUBLISHED]->() }} AS item""")
                .bind(key).to("key").fetchAs(Map.class).mappedBy((types, record) -> record.get("item").asMap())
                .one().map(map -> {
                    @SuppressWarnings("unchecked")
                    var typed = (Map<String, Object>) map;
                    return typed;
                });
    }

    /** The keys of a region and of every region inside it. */
    List<String> regionsIn(String regionKey) {
        return neo4j.query("""
                MATCH (r:Region)-[:PART_OF*0..6]->(:Entity {key: $key}) RETURN collect(DISTINCT r.key) AS keys""")
                .bind(regionKey).to("key").fetchAs(List.class).mappedBy((types, record) -> record.get("keys")
                        .asList(Value::asString)).one().map(list -> {
                            @SuppressWarnings("unchecked")
                            var keys = (List<String>) list;
                            return keys;
                        }).orElse(List.of());
    }

    /**
     * Whether a key is taken: by an item, an entity, a merged one, or a history (revisions of items
     * and entities share one key space), so a new item cannot take it.
     */
    boolean taken(String key) {
        return neo4j.query("""
                RETURN EXISTS { MATCH (:Content {key: $key}) } OR EXISTS { MATCH (:Revision {entityKey: $key}) }
                       OR EXISTS { MATCH (:Entity {key: $key}) } OR EXISTS { MATCH (:MergedEntity {key: $key}) } AS taken""")
                .bind(key).to("key").fetchAs(Boolean.class).one().orElse(false);
    }

    /** A new item with its first draft. */
    void create(String key, String type, Map<String, Object> draft, OffsetDateTime now, String by) {
        neo4j.query("""
                CREATE (c:Content {key: $key, type: $type, status: 'DRAFT', version: 1, createdAt: $now,
                                   updatedAt: $now, updatedBy: $by})
                CREATE (c)-[:DRAFT]->(d:ContentVersion)
                SET d = $draft""")
                .bind(key).to("key").bind(type).to("type").bind(draft).to("draft").bind(now).to("now").bind(by).to("by")
                .run();
    }

    /** Replaces an item's draft and sets its node's fields ({@code item}: status, version, times, by). */
    void write(String key, Map<String, Object> draft, Map<String, Object> item) {
        neo4j.query("""
                MATCH (c:Content {key: $key})-[:DRAFT]->(d:ContentVersion)
                SET d = $draft, c += $item""")
                .bind(key).to("key").bind(draft).to("draft").bind(item).to("item").run();
    }

    /**
     * The slugs an item claims (language to slug) that belong to another item; the others become
     * its, kept for good, so a link with an earlier slug still finds it.
     */
    List<String> claimSlugs(String key, Map<String, String> slugs) {
        var rows = slugs.entrySet().stream().map(e -> Map.of("key", e.getKey() + "/" + e.getValue())).toList();
        var taken = neo4j.query("""
                UNWIND $rows AS row
                OPTIONAL MATCH (s:ContentSlug {key: row.key})-[:SLUG_OF]->(other:Content) WHERE other.key <> $item
                RETURN row.key AS slug, other IS NOT NULL AS taken""")
                .bind(rows).to("rows").bind(key).to("item").fetch().all().stream()
                .filter(row -> (Boolean) row.get("taken")).map(row -> (String) row.get("slug")).toList();
        if (taken.isEmpty()) {
            neo4j.query("""
                    MATCH (c:Content {key: $item})
                    UNWIND $rows AS row
                    MERGE (s:ContentSlug {key: row.key})
                    MERGE (s)-[:SLUG_OF]->(c)""")
                    .bind(rows).to("rows").bind(key).to("item").run();
        }
        return taken;
    }

    /**
     * Publishes the draft as it stands, visible from {@code from}: a copy of it becomes a published
     * version. Versions it makes obsolete go: all but the new one and, if that one is not visible yet,
     * the one live until then.
     */
    void publish(String key, OffsetDateTime from, OffsetDateTime until, Map<String, Object> item, OffsetDateTime now) {
        neo4j.query("""
                MATCH (c:Content {key: $key})-[:DRAFT]->(d:ContentVersion)
                CREATE (c)-[:PUBLISHED]->(p:ContentVersion)
                SET p = properties(d), p.visibleFrom = $from, c += $item,
                    c.publishedAt = coalesce(c.publishedAt, $from), c.publishAt = $from, c.unpublishAt = $until
                WITH c, p
                CALL (c, p) {
                  MATCH (c)-[:PUBLISHED]->(old:ContentVersion) WHERE old <> p
                  WITH old ORDER BY old.visibleFrom DESC
                  WITH collect(old) AS older
                  WITH [o IN older WHERE o.visibleFrom <= $now][0] AS live, older
                  UNWIND older AS o
                  WITH o WHERE $from <= $now OR o <> live
                  DETACH DELETE o
                }""")
                .bind(key).to("key").bind(from).to("from").bind(until).to("until").bind(item).to("item")
                .bind(now).to("now").run();
    }

    /** Takes every published version down and sets the node's fields. */
    void unpublish(String key, Map<String, Object> item) {
        neo4j.query("""
                MATCH (c:Content {key: $key})
                SET c += $item, c.publishAt = null, c.unpublishAt = null
                WITH c
                OPTIONAL MATCH (c)-[:PUBLISHED]->(p:ContentVersion)
                DETACH DELETE p""")
                .bind(key).to("key").bind(item).to("item").run();
    }

    private static Stored stored(org.neo4j.driver.Record record) {
        return new Stored(record.get("c").asNode(), record.get("v").asNode(), nodes(record.get("topics")),
                nodes(record.get("regions")), nodes(record.get("mentions")),
                record.get("project").isNull() ? null : record.get("project").asNode(),
                record.get("changed").asBoolean(false));
    }

    private static List<Node> nodes(Value value) {
        return value.asList(Value::asNode);
    }
}
