package org.partnernetz.relationship;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads relationship fields for many parent objects at once: one query per field and page size,
 * whatever the number of parents. This is what keeps the number of database round trips of a
 * request independent of the number of results.
 */
@Component
@Transactional(readOnly = true)
class RelationshipLoader {

    private static final String QUERY = """
            UNWIND $keys AS key
            MATCH (p:Entity {key: key})
            CALL (p) {
              MATCH %s
              WHERE NOT t:Archived AND ($kinds IS NULL OR t.kind IN $kinds) AND ($roles IS NULL OR r.role IN $roles)
              WITH DISTINCT r, t
              WITH r, t, %s AS sortKey ORDER BY %s
              WITH collect({r: r, t: t, key: sortKey}) AS rows
              RETURN size(rows) AS total, [row IN rows WHERE %s][0..$limit] AS page
            }
            RETURN key, total, page
            """;

    /** What one parent asked for: a field, the parent's seed key, the filter, the page. */
    record Key(RelationshipField field, String parentKey, Filter filter, PageRequest page) {
    }

    /**
     * What a list field may be filtered by; {@code null} lists do not filter.
     *
     * @param kinds keep objects at the other end of one of these kinds
     * @param roles keep relationships with one of these roles
     * @param includeSubregions follow the field's pattern through the regions inside the parent too
     */
    record Filter(List<String> kinds, List<String> roles, boolean includeSubregions) {

        static final Filter NONE = new Filter(null, null, false);
    }

    /** One page of related objects, and how many there are in all. */
    record Loaded(int total, List<Row> rows) {
    }

    /** A related object, the relationship to it, and the values of its sort keys (its cursor). */
    record Row(Relationship relationship, GraphObject node, List<Object> key) {
    }

    private final Neo4jClient neo4j;
    private final Nodes nodes;

    RelationshipLoader(Neo4jClient neo4j, Nodes nodes) {
        this.neo4j = neo4j;
        this.nodes = nodes;
    }

    Map<Key, Loaded> load(Set<Key> keys) {
        var result = new HashMap<Key, Loaded>();
        var groups = keys.stream().collect(Collectors.groupingBy(k -> new Group(k.field(), k.filter(), k.page())));
        groups.forEach((group, members) -> {
            var byParent = members.stream().collect(Collectors.toMap(Key::parentKey, k -> k));
            var field = group.field();
            var pattern = group.filter().includeSubregions() && field.subregionPattern() != null
                    ? field.subregionPattern() : field.pattern();
            var parameters = new HashMap<String, Object>();
            parameters.put("keys", List.copyOf(byParent.keySet()));
            parameters.put("kinds", group.filter().kinds());
            parameters.put("roles", group.filter().roles());
            parameters.put("limit", group.page().limit());
            SortKey.bindAfter(field.typeName() + "." + field.field(), field.order(), group.page(), parameters);
            neo4j.query(QUERY.formatted(pattern, SortKey.values(field.order()), SortKey.orderBy(field.order(), "sortKey"),
                            SortKey.after(field.order(), "row.key")))
                    .bindAll(parameters)
                    .fetchAs(Map.Entry.class)
                    .mappedBy((types, record) -> Map.entry(record.get("key").asString(),
                            new Loaded(record.get("total").asInt(), record.get("page").asList(this::row))))
                    .all()
                    .forEach(entry -> result.put(byParent.get((String) entry.getKey()), (Loaded) entry.getValue()));
        });
        keys.forEach(key -> result.putIfAbsent(key, new Loaded(0, List.of())));
        return result;
    }

    private Row row(Value value) {
        return new Row(Relationship.from(value.get("r").asRelationship()), nodes.toObject(value.get("t").asNode()),
                value.get("key").asList(Value::asObject));
    }

    private record Group(RelationshipField field, Filter filter, PageRequest page) {
    }
}
