package org.partnernetz.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.graphql.NotFoundException;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lookups and lists every kind of object shares: by id or slug, and filtered, ordered pages.
 * Feature controllers call it with their {@link Label} and filters; the Cypher is assembled from
 * fixed fragments, and every value a client sends travels as a parameter.
 */
@Component
@Transactional(readOnly = true)
public class EntityQueries {

    private final Neo4jClient neo4j;
    private final Nodes nodes;

    EntityQueries(Neo4jClient neo4j, Nodes nodes) {
        this.neo4j = neo4j;
        this.nodes = nodes;
    }

    /**
     * The object named by {@code id} (global or seed key) or {@code slug}; exactly one must be given.
     * A global id of another type finds nothing.
     */
    public <T> Optional<T> findOne(Label label, String id, String slug, Class<T> type) {
        if ((id == null) == (slug == null)) {
            throw new BadRequestException("Give either id or slug, not " + (id == null ? "neither" : "both"));
        }
        String key = id;
        if (id != null && GlobalId.looksLikeGlobalId(id)) {
            var globalId = GlobalId.parse(id);
            if (globalId.label() != label) {
                return Optional.empty();
            }
            key = globalId.key();
        }
        var match = slug != null ? "MATCH (n:%s {slug: $value})" : """
                OPTIONAL MATCH (merged:MergedEntity {key: $value})
                MATCH (n:Entity {key: coalesce(merged.into, $value)}) WHERE n:%s""";
        return neo4j.query((match + " RETURN n").formatted(label))
                .bind(slug != null ? slug : key).to("value")
                .fetchAs(GraphObject.class).mappedBy((types, record) -> nodes.toObject(record.get("n").asNode()))
                .one().map(type::cast);
    }

    /** Any object by its global id. */
    public Optional<GraphObject> byGlobalId(String id) {
        var globalId = GlobalId.parse(id);
        // A merged duplicate's id leads to the entry it was merged into.
        return neo4j.query("""
                OPTIONAL MATCH (merged:MergedEntity {key: $key})
                MATCH (n:Entity {key: coalesce(merged.into, $key)}) WHERE n:%s RETURN n""".formatted(globalId.label()))
                .bind(globalId.key()).to("key")
                .fetchAs(GraphObject.class).mappedBy((types, record) -> nodes.toObject(record.get("n").asNode()))
                .one();
    }

    /** The seed key of the object a client names by global id, seed key or slug; NOT_FOUND otherwise. */
    public String resolveKey(Label label, String reference, String argument) {
        var value = referenceValue(label, reference, argument);
        return neo4j.query(matchReference(label, "n", "ref") + " RETURN n.key AS key")
                .bind(value).to("ref")
                .fetchAs(String.class).one()
                .orElseThrow(() -> notFound(label, reference));
    }

    /**
     * What to look a client's reference up by: the seed key of a global id, or the reference itself
     * (a seed key or a slug). BAD_REQUEST when it is blank or the global id of another type.
     */
    public static String referenceValue(Label label, String reference, String argument) {
        if (reference == null || reference.isBlank()) {
            throw new BadRequestException(argument + " must name a " + label.name().toLowerCase() + " by slug or id");
        }
        if (GlobalId.looksLikeGlobalId(reference)) {
            var globalId = GlobalId.parse(reference);
            if (globalId.label() != label) {
                throw new BadRequestException(argument + " '" + reference + "' is a " + globalId.label()
                        + ", expected a " + label);
            }
            return globalId.key();
        }
        return reference;
    }

    /**
     * The opening clauses of a query that starts from an object a client names: they bind
     * {@code variable} to the object of {@code label} whose seed key (or a key merged into it) or slug
     * is the parameter {@code parameter} (a {@link #referenceValue}), and yield no row when there is
     * none. So a query resolves its reference itself instead of in a round trip of its own.
     */
    public static String matchReference(Label label, String variable, String parameter) {
        return """
                OPTIONAL MATCH (%1$s_merged:MergedEntity {key: $%2$s})
                OPTIONAL MATCH (%1$s_byKey:Entity {key: coalesce(%1$s_merged.into, $%2$s)}) WHERE %1$s_byKey:%3$s
                OPTIONAL MATCH (%1$s_bySlug:%3$s {slug: $%2$s})
                WITH coalesce(%1$s_byKey, %1$s_bySlug) AS %1$s WHERE %1$s IS NOT NULL
                """.formatted(variable, parameter, label);
    }

    /** The NOT_FOUND error for a reference that names no object of {@code label}. */
    public static NotFoundException notFound(Label label, String reference) {
        var name = label.name().toLowerCase();
        return new NotFoundException("No " + name + " has the id or slug '" + reference + "'. Find one by name with "
                + name + "s(name: ...)");
    }

    /**
     * The seed key of the object of {@code label} named by global id, seed key or slug, if there is
     * one; unlike {@link #resolveKey}, throws nothing (so it leaves a caller's transaction usable).
     */
    public Optional<String> findKey(Label label, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String key = reference;
        if (GlobalId.looksLikeGlobalId(reference)) {
            GlobalId globalId;
            try {
                globalId = GlobalId.parse(reference);
            } catch (BadRequestException e) {
                return Optional.empty();
            }
            if (globalId.label() != label) {
                return Optional.empty();
            }
            key = globalId.key();
        }
        return neo4j.query(matchReference(label, "n", "ref") + " RETURN n.key AS key")
                .bind(key).to("ref")
                .fetchAs(String.class).one();
    }

    /** The label of each of these seed keys that names an object, in one read. */
    public Map<String, Label> labelsOf(Collection<String> keys) {
        var labels = new HashMap<String, Label>();
        describe(keys).forEach((key, described) -> labels.put(key, described.label()));
        return labels;
    }

    /** What a key names: its label and, for an organisation, its kind. */
    public record Described(Label label, String kind) {
    }

    /** The label and kind of each of these seed keys that names an object (archived ones name none), in one read. */
    public Map<String, Described> describe(Collection<String> keys) {
        var described = new HashMap<String, Described>();
        neo4j.query("""
                UNWIND $keys AS key
                MATCH (n:Entity {key: key})
                WITH key, n, [l IN labels(n) WHERE l IN $labels][0] AS label
                WHERE label IS NOT NULL
                RETURN key, label, n.kind AS kind""")
                .bind(List.copyOf(new java.util.TreeSet<>(keys))).to("keys")
                .bind(java.util.Arrays.stream(Label.values()).map(Label::name).toList()).to("labels").fetch().all()
                .forEach(row -> described.put((String) row.get("key"),
                        new Described(Label.valueOf((String) row.get("label")), (String) row.get("kind"))));
        return described;
    }

    /**
     * The seed key of any object a client names by global id, seed key or slug (a seed key wins over a
     * slug of another object); NOT_FOUND otherwise.
     */
    public String resolveAnyKey(String reference, String argument) {
        if (reference == null || reference.isBlank()) {
            throw new BadRequestException(argument + " must name an object by slug or id");
        }
        if (GlobalId.looksLikeGlobalId(reference)) {
            var globalId = GlobalId.parse(reference);
            return resolveKey(globalId.label(), globalId.key(), argument);
        }
        return neo4j.query("""
                OPTIONAL MATCH (byId:Entity {key: $ref})
                WITH byId, head(COLLECT { MATCH (n:Entity {slug: $ref}) RETURN n.key ORDER BY n.key }) AS bySlug
                WITH coalesce(byId.key, bySlug) AS key
                WHERE key IS NOT NULL
                RETURN key
                """)
                .bind(reference).to("ref")
                .fetchAs(String.class).one()
                .orElseThrow(() -> new NotFoundException("Nothing has the id or slug '" + reference + "'"));
    }

    /** A page of objects of {@code label} that match {@code filter}, in the label's natural order. */
    public <T> Connection<Connection.Edge<T>> list(Label label, Filter filter, PageRequest page, Class<T> type) {
        var conditions = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        if (filter.name() != null && !filter.name().isBlank()) {
            var name = SearchText.compact(filter.name());
            if (name.isEmpty()) {
                throw new BadRequestException("name '" + filter.name() + "' has no letter or digit to search for");
            }
            conditions.add("n.searchText CONTAINS $name");
            parameters.put("name", name);
        }
        if (filter.kinds() != null) {
            conditions.add("n.%s IN $kinds".formatted(nodes.type(label).kindProperty()));
            parameters.put("kinds", filter.kinds());
        }
        for (var condition : filter.conditions()) {
            conditions.add(condition.cypher());
            parameters.put(condition.parameter(), condition.value());
        }
        if (filter.from() != null) {
            conditions.add("(n.end IS NULL OR n.end >= $from)");
            parameters.put("from", filter.from().first());
        }
        if (filter.to() != null) {
            conditions.add("(n.start IS NULL OR n.start <= $to)");
            parameters.put("to", filter.to().last());
        }
        var where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        var order = nodes.type(label).order();
        SortKey.bindAfter(label.name(), order, page, parameters);
        parameters.put("limit", page.limit());
        var cypher = """
                RETURN COUNT { MATCH (n:%1$s) %2$s } AS total,
                       COLLECT {
                         MATCH (n:%1$s) %2$s
                         WITH n, %3$s AS key
                         WHERE %4$s
                         RETURN {n: n, key: key} AS row ORDER BY %5$s LIMIT $limit
                       } AS rows
                """.formatted(label, where, SortKey.values(order), SortKey.after(order, "key"), SortKey.orderBy(order, "key"));
        record Result(int total, List<Connection.Row<Object>> rows) {
        }
        var result = neo4j.query(cypher).bindAll(parameters)
                .fetchAs(Result.class)
                .mappedBy((types, record) -> new Result(record.get("total").asInt(),
                        record.get("rows").asList(v -> new Connection.Row<Object>(nodes.toObject(v.get("n").asNode()),
                                v.get("key").asList(Value::asObject)))))
                .one().orElseThrow();
        var rows = result.rows().stream().map(row -> new Connection.Row<>(type.cast(row.item()), row.key())).toList();
        return Connection.ofNodes(label.name(), rows, page, result.total());
    }

    /**
     * What a root list may be filtered by; absent parts do not filter.
     *
     * @param name folded and matched against names, short names and aliases
     * @param kinds the {@code kind} values to keep (for regions their {@code type}, for sources their
     *     {@code documentType}, for figures their {@code metric})
     * @param from keep objects whose time ends on or after this date
     * @param to keep objects whose time starts on or before this date
     * @param conditions what a feature adds for its own kind of object (over the node {@code n})
     */
    public record Filter(String name, List<String> kinds, PartialDate from, PartialDate to,
            List<Condition> conditions) {

        public Filter(String name, List<String> kinds, PartialDate from, PartialDate to) {
            this(name, kinds, from, to, List.of());
        }

        /** The same filter with one more condition. */
        public Filter and(Condition condition) {
            var all = new ArrayList<>(conditions);
            all.add(condition);
            return new Filter(name, kinds, from, to, List.copyOf(all));
        }

        public static Filter byName(String name) {
            return new Filter(name, null, null, null);
        }
    }

    /**
     * A condition a feature adds to its root list, e.g. "figures about this subject": Cypher over the
     * node {@code n}, with one parameter.
     */
    public record Condition(String cypher, String parameter, Object value) {
    }
}