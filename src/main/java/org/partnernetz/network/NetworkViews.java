package org.partnernetz.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;
import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.relationship.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code network(...)}: a selection of the network as nodes and edges, for drawing; and {@code path}, the
 * shortest routes between two entries over the same ties. The view takes two queries in
 * one read transaction: the first finds the selection's entries and keeps the best connected
 * {@code limit} of them (by their degree over the network's relationship types, which Neo4j keeps
 * per node, so ranking reads no relationships; the selection is counted and ranked as it is read,
 * never held whole); the second reads the relationships among those
 * entries, from each one's own, so neither reads more of the graph than the selection touches.
 */
@Service
@Transactional(readOnly = true)
public class NetworkViews {

    /** The ties between actors and contexts a network view draws, in the order of the schema's enum. */
    static final List<String> TYPES = List.of("PART_OF", "MEMBER_OF", "PARTICIPATES_IN", "FUNDS", "HOLDS_ROLE",
            "SPEAKS_AT", "ESTABLISHES", "ADVISES", "RUNS", "INITIATES", "FOLLOWS_FROM");

    private static final Map<String, Label> KINDS = new LinkedHashMap<>(Map.of("ORGANISATION", Label.Organisation,
            "PROJECT", Label.Project, "EVENT", Label.Event, "PERSON", Label.Person));

    static final int MAX_LIMIT = 2000;
    /** The most edges a view holds: the best connected nodes of a full-size region may share many ties. */
    static final int MAX_EDGES = 20_000;
    static final int MAX_DEPTH = 3;

    private final Neo4jClient neo4j;
    private final EntityQueries entities;
    private final Nodes nodes;

    NetworkViews(Neo4jClient neo4j, EntityQueries entities, Nodes nodes) {
        this.neo4j = neo4j;
        this.entities = entities;
        this.nodes = nodes;
    }

    /** What {@code network(...)} was asked for. */
    record Selection(String region, String project, String event, String organisation, Integer depth,
            List<String> kinds, List<String> relationshipTypes, String from, String to, String asOf, Integer limit) {
    }

    /** The time a view keeps: days, either end open (null). */
    record Window(LocalDate from, LocalDate to) {
    }

    /**
     * A selection checked and made ready to run: {@code select} is Cypher that finds its entries as
     * {@code n}, one row each, with {@link #parameters()}; {@code scope} is null for the whole network
     * (exports only).
     */
    record Plan(Label scope, String key, int depth, List<String> types, Window window, String select) {

        /** The relationship types as a Cypher pattern ({@code A|B|C}); they are the enum's constants. */
        String pattern() {
            return String.join("|", types);
        }

        Map<String, Object> parameters() {
            var parameters = new HashMap<String, Object>();
            parameters.put("key", key);
            parameters.put("from", window.from());
            parameters.put("to", window.to());
            parameters.put("labels", KINDS.values().stream().map(Label::name).toList());
            return parameters;
        }

        /** What was selected, in words: the view's name and the exports' title. */
        String title() {
            return scope == null ? "network" : scope.name().toLowerCase(Locale.ROOT) + " " + key
                    + (scope == Label.Organisation ? " (depth " + depth + ")" : "");
        }
    }

    /** Checks a selection and plans it; without a region, project, event or organisation, the whole network where {@code wholeAllowed}. */
    Plan plan(Selection selection, boolean wholeAllowed) {
        var scopes = new LinkedHashMap<Label, String>();
        if (selection.region() != null) {
            scopes.put(Label.Region, selection.region());
        }
        if (selection.project() != null) {
            scopes.put(Label.Project, selection.project());
        }
        if (selection.event() != null) {
            scopes.put(Label.Event, selection.event());
        }
        if (selection.organisation() != null) {
            scopes.put(Label.Organisation, selection.organisation());
        }
        if (scopes.size() > 1 || scopes.isEmpty() && !wholeAllowed) {
            throw new BadRequestException("network: give exactly one of region, project, event and organisation");
        }
        int depth = selection.depth() == null ? 1 : selection.depth();
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new BadRequestException("depth: 1 to " + MAX_DEPTH);
        }
        var types = selection.relationshipTypes() == null || selection.relationshipTypes().isEmpty() ? TYPES
                : selection.relationshipTypes();
        for (var type : types) {
            if (!TYPES.contains(type)) {
                throw new BadRequestException("relationshipTypes: " + type + " is not drawn; the network's types are " + TYPES);
            }
        }
        for (var kind : selection.kinds() == null ? List.<String>of() : selection.kinds()) {
            if (!KINDS.containsKey(kind)) {
                throw new BadRequestException("kinds: " + kind + " is not a kind of node; they are " + KINDS.keySet());
            }
        }
        var labels = selection.kinds() == null || selection.kinds().isEmpty() ? List.copyOf(KINDS.values())
                : selection.kinds().stream().map(KINDS::get).toList();
        var window = window(selection);
        var pattern = String.join("|", types);
        var isNode = labels.stream().map(label -> "n:" + label).collect(Collectors.joining(" OR ", "(", ")"));
        var anyKind = KINDS.values().stream().map(label -> "n:" + label).collect(Collectors.joining(" OR ", "(", ")"));
        if (scopes.isEmpty()) {
            return new Plan(null, null, depth, types, window, """
                    MATCH (n:Entity)
                    WHERE %s AND %s""".formatted(isNode, NODE_IN_WINDOW));
        }
        var scope = scopes.entrySet().iterator().next();
        var key = entities.resolveKey(scope.getKey(), scope.getValue(), scope.getKey().name().toLowerCase(Locale.ROOT));
        var select = switch (scope.getKey()) {
            case Region -> """
                    MATCH (root:Entity {key: $key})
                    MATCH (r:Region)-[:PART_OF*0..6]->(root)
                    MATCH (n)-[:LOCATED_IN|ACTIVE_IN]->(r)
                    WHERE %s AND %s
                    WITH DISTINCT n""".formatted(isNode, NODE_IN_WINDOW);
            // Every step of the way through ties and entries in the window, and through entries the
            // network draws (never an archived one, which has no kind label), up to depth ties from
            // the centre; only what it reaches is held to the kinds asked for.
            default -> """
                    MATCH (centre:Entity {key: $key})
                    MATCH (centre) (()-[r:%s WHERE %s]-(n WHERE %s AND %s)){0,%d} (reached)
                    WITH DISTINCT reached AS n
                    WHERE n.key = $key OR %s""".formatted(pattern, EDGE_IN_WINDOW, anyKind, NODE_IN_WINDOW,
                    scope.getKey() == Label.Organisation ? depth : 1, isNode);
        };
        return new Plan(scope.getKey(), key, depth, types, window, select);
    }

    NetworkView view(Selection selection) {
        int limit = selection.limit() == null ? 500 : selection.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit: 1 to " + MAX_LIMIT);
        }
        var plan = plan(selection, false);
        var select = plan.select();
        var pattern = plan.pattern();
        var window = plan.window();
        var key = plan.key();
        var parameters = plan.parameters();
        parameters.put("limit", limit);
        int[] total = {0};
        var found = new ArrayList<Map<String, Object>>();
        // The selection is read twice, to count it and to rank it, so that it is never held whole:
        // the ranking keeps only the best `limit` as it goes.
        neo4j.query("""
                CALL () {
                  %1$s
                  RETURN count(n) AS total
                }
                CALL () {
                  %1$s
                  // One walk over each entry's ties (Neo4j would otherwise count each type on its own).
                  CALL (n) { MATCH (n)-[:%2$s]-() RETURN count(*) AS degree }
                  ORDER BY CASE WHEN n.key = $key THEN 0 ELSE 1 END, degree DESC, n.key
                  LIMIT $limit
                  RETURN collect({key: n.key, label: [l IN labels(n) WHERE l IN $labels][0],
                                  name: coalesce(n.name, n.label, n.key), shortName: n.shortName, kind: n.kind,
                                  start: n.startText, end: n.endText, coordinates: %3$s,
                                  region: %4$s}) AS page
                }
                RETURN total, page""".formatted(select, pattern, Coordinates.OF_ENTRY, REGION_OF_N))
                .bindAll(parameters).fetchAs(Void.class).mappedBy((t, record) -> {
                    total[0] = record.get("total").asInt();
                    record.get("page").asList(Value::asMap).forEach(found::add);
                    return null;
                }).one();

        var ids = new LinkedHashMap<String, String>();
        found.forEach(row -> ids.put((String) row.get("key"), row.get("label") + ":" + row.get("key")));
        var edges = neo4j.query("""
                UNWIND $keys AS key
                MATCH (a:Entity {key: key})-[r:%s]->(b:Entity)
                WHERE b.key IN $keys AND %s
                RETURN a.key AS from, b.key AS to, r
                ORDER BY from, to, type(r), r.key
                LIMIT $maxEdges""".formatted(pattern, EDGE_IN_WINDOW))
                .bind(List.copyOf(ids.keySet())).to("keys").bind(window.from()).to("from").bind(window.to()).to("to")
                .bind(MAX_EDGES + 1).to("maxEdges")
                .fetchAs(NetworkView.Edge.class).mappedBy((t, record) -> edge(ids.get(record.get("from").asString()),
                        ids.get(record.get("to").asString()), Relationship.from(record.get("r").asRelationship())))
                .all().stream().limit(MAX_EDGES).sorted(java.util.Comparator.comparing(NetworkView.Edge::source)
                        .thenComparing(NetworkView.Edge::target).thenComparing(NetworkView.Edge::type)
                        .thenComparing(NetworkView.Edge::id))
                .toList();

        boolean edgesCut = edges.size() == MAX_EDGES && edgeRows(ids.keySet(), pattern, window) > MAX_EDGES;
        var degree = new HashMap<String, Integer>();
        var weight = new HashMap<String, Double>();
        for (var edge : edges) {
            // A tie of an entry to itself counts once.
            for (var end : new java.util.TreeSet<>(List.of(edge.source(), edge.target()))) {
                degree.merge(end, 1, Integer::sum);
                weight.merge(end, edge.weight(), Double::sum);
            }
        }
        var nodes = found.stream().map(row -> {
            var id = ids.get((String) row.get("key"));
            return NetworkView.Node.of(id, (String) row.get("label"), (String) row.get("name"),
                    (String) row.get("shortName"), (String) row.get("kind"), (String) row.get("region"),
                    degree.getOrDefault(id, 0), weight.getOrDefault(id, 0.0), (String) row.get("start"),
                    (String) row.get("end"), Coordinates.of(row.get("coordinates")));
        }).toList();
        return new NetworkView(plan.title(), nodes, edges, total[0], total[0] > nodes.size() || edgesCut, limit);
    }

    /** How many edges there are among the nodes (only asked when a view reached {@link #MAX_EDGES}). */
    private long edgeRows(java.util.Collection<String> keys, String pattern, Window window) {
        return neo4j.query("""
                UNWIND $keys AS key
                MATCH (a:Entity {key: key})-[r:%s]->(b:Entity)
                WHERE b.key IN $keys AND %s
                RETURN count(r) AS count""".formatted(pattern, EDGE_IN_WINDOW))
                .bind(List.copyOf(keys)).to("keys").bind(window.from()).to("from").bind(window.to()).to("to")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** The shortest routes between two entries ({@code path}); empty when none within {@code maxHops}. */
    record Path(int length, List<Route> routes) {
    }

    /** One route: its entries in order, and the ties between them. */
    record Route(List<GraphObject> nodes, List<Step> steps) {
    }

    /** One tie of a route, and whether it points the way the route goes. */
    record Step(String from, String to, boolean forward, Relationship relationship) {
    }

    static final int MAX_HOPS = 6;
    static final int MAX_ROUTES = 20;

    /**
     * Every shortest route between two entries over the network's ties, through entries of the
     * kinds {@code via} only; Neo4j's shortest-path search, which checks the kinds on the way as it
     * goes.
     */
    java.util.Optional<Path> path(String from, String to, Integer maxHops, List<String> via) {
        int hops = maxHops == null ? 4 : maxHops;
        if (hops < 1 || hops > MAX_HOPS) {
            throw new BadRequestException("maxHops: 1 to " + MAX_HOPS);
        }
        var start = end("from", from);
        var goal = end("to", to);
        if (start.equals(goal)) {
            throw new BadRequestException("to: a route needs two different entries");
        }
        var labels = via == null || via.isEmpty() ? List.copyOf(KINDS.values()) : via.stream().map(KINDS::get).toList();
        var inside = labels.stream().map(label -> "n:" + label).collect(Collectors.joining(" OR "));
        var routes = neo4j.query("""
                MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
                MATCH p = allShortestPaths((a)-[:%s*..%d]-(b))
                WHERE all(n IN nodes(p)[1..-1] WHERE %s)
                RETURN nodes(p) AS nodes, relationships(p) AS ties
                LIMIT %d""".formatted(String.join("|", TYPES), hops, inside, MAX_ROUTES))
                .bind(start).to("from").bind(goal).to("to")
                .fetchAs(Route.class).mappedBy((t, record) -> route(record.get("nodes").asList(Value::asNode),
                        record.get("ties").asList(Value::asRelationship)))
                .all().stream()
                .sorted(java.util.Comparator.comparing(route -> route.nodes().stream().map(GraphObject::key)
                        .collect(Collectors.joining("|"))))
                .toList();
        return routes.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Path(routes.getFirst().steps().size(), routes));
    }

    private Route route(List<org.neo4j.driver.types.Node> path, List<org.neo4j.driver.types.Relationship> ties) {
        var objects = path.stream().map(nodes::toObject).toList();
        var steps = new ArrayList<Step>();
        for (int i = 0; i < ties.size(); i++) {
            var tie = ties.get(i);
            boolean forward = tie.startNodeElementId().equals(path.get(i).elementId());
            steps.add(new Step(objects.get(i).id(), objects.get(i + 1).id(), forward, Relationship.from(tie)));
        }
        return new Route(objects, steps);
    }

    /** The key of an end of a route, given by global id: an organisation, person, project or event. */
    private String end(String argument, String id) {
        var globalId = org.partnernetz.graphql.GlobalId.parse(id);
        if (!KINDS.containsValue(globalId.label())) {
            throw new BadRequestException(argument + ": routes join organisations, people, projects and events, not "
                    + globalId.label());
        }
        return entities.resolveKey(globalId.label(), id, argument);
    }

    /** Cypher for the key of the region {@code n} is located in, else of one it is active in (the first by key). */
    static final String REGION_OF_N = """
            coalesce(COLLECT { MATCH (n)-[:LOCATED_IN]->(r:Region) RETURN r.key ORDER BY r.key LIMIT 1 }[0],
                     COLLECT { MATCH (n)-[:ACTIVE_IN]->(r:Region) RETURN r.key ORDER BY r.key LIMIT 1 }[0])""";

    /** A node whose time (unknown: open) overlaps the window. */
    static final String NODE_IN_WINDOW = "($to IS NULL OR n.start IS NULL OR n.start <= $to)"
            + " AND ($from IS NULL OR n.end IS NULL OR n.end >= $from)";

    /** A relationship whose time (unknown: open) overlaps the window. */
    static final String EDGE_IN_WINDOW = "($to IS NULL OR r.start IS NULL OR r.start <= $to)"
            + " AND ($from IS NULL OR r.end IS NULL OR r.end >= $from)";

    private static Window window(Selection selection) {
        if (selection.asOf() != null && (selection.from() != null || selection.to() != null)) {
            throw new BadRequestException("asOf: give it alone, or from and to, not both");
        }
        var from = date("from", selection.asOf() != null ? selection.asOf() : selection.from());
        var to = date("to", selection.asOf() != null ? selection.asOf() : selection.to());
        if (from != null && to != null && from.first().isAfter(to.last())) {
            throw new BadRequestException("from: must not come after to");
        }
        return new Window(from == null ? null : from.first(), to == null ? null : to.last());
    }

    private static PartialDate date(String argument, String text) {
        try {
            return PartialDate.parseNullable(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(argument + ": '" + text + "' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }

    static String kindOf(String label) {
        return KINDS.entrySet().stream().filter(entry -> entry.getValue().name().equals(label)).map(Map.Entry::getKey)
                .findFirst().orElse(label.toUpperCase(Locale.ROOT));
    }

    static NetworkView.Edge edge(String source, String target, Relationship r) {
        return new NetworkView.Edge(r.id(), source, target, r.type(), r.role(), r.since(), r.until(), 1.0, r.basis(),
                r.sourceKeys().stream().map(key -> Label.Source.name() + ":" + key).toList());
    }
}
