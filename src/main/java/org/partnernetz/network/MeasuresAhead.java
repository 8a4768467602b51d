package org.partnernetz.network;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.GraphRevision;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Network measures computed ahead: for each labour-market region, the measures of its whole network
 * (every organisation, project, event and person located or active in it, no node limit, no time
 * window, the community seed 1), kept in Neo4j as one {@code (:MeasureRun {scope})} and one
 * {@code (:NodeMeasure)} per node with its place in each measure's order, so that a page of
 * {@code networkMeasures(region: ...)} is an index read however large the region.
 *
 * <p>Freshness: a run remembers when its read began; it is stale once a change event
 * ({@code ENTITY_CHANGED}, written in the change's transaction) names its region after that, or when
 * it is older than {@code maxAge}. A seed import, which writes no change events, forgets every run.
 * Every instance looks on its schedule; one at a time does the work, under a lease kept in Neo4j
 * (so two instances never compute the same region at once, and one that died lets another go on
 * when the lease runs out). Each region is replaced in one write transaction: a reader sees the old
 * run or the new, never half of one.
 */
@Component
public class MeasuresAhead {

    private static final Logger log = LoggerFactory.getLogger(MeasuresAhead.class);
    static final String LEASE = "network-measures";

    /** Each measure's order, kept as a position per node ({@code rank...}), with the index of schema step 19. */
    private static final Map<String, String> RANKS = Map.of("DEGREE", "rankDegree", "BETWEENNESS", "rankBetweenness",
            "CLOSENESS", "rankCloseness", "PAGE_RANK", "rankPageRank");

    private final Neo4jClient neo4j;
    private final NetworkViews views;
    private final NetworkExports exports;
    private final TransactionTemplate transactions;
    private final MeasuresProperties properties;
    private final GraphRevision revision;
    private final String instance = UUID.randomUUID().toString();

    MeasuresAhead(Neo4jClient neo4j, NetworkViews views, NetworkExports exports, TransactionTemplate transactions,
            MeasuresProperties properties, GraphRevision revision) {
        this.neo4j = neo4j;
        this.revision = revision;
        this.views = views;
        this.exports = exports;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${partnernetz.measures.refresh-interval:1m}",
            fixedDelayString = "${partnernetz.measures.refresh-interval:1m}")
    void onSchedule() {
        if (properties.enabled()) {
            try {
                refreshStale();
            } catch (RuntimeException e) {
                // The next look tries again; the stored runs stay as they were.
                log.warn("Refreshing the network measures failed: {}", e.toString());
            }
        }
    }

    /**
     * Recomputes every labour-market region whose measures are missing or stale, if this instance
     * gets the lease; returns the regions it refreshed (empty when another instance holds the lease).
     */
    public List<String> refreshStale() {
        var refreshed = new ArrayList<String>();
        if (!lease()) {
            return refreshed;
        }
        try {
            for (var scope : stale()) {
                refresh(scope);
                refreshed.add(scope);
                if (!lease()) {
                    break;
                }
            }
        } finally {
            release();
        }
        return refreshed;
    }

    /**
     * Cypher that is true when an entry of the region {@code region} (an expression) changed after
     * the stored {@code run} began to read: the run is then no longer current.
     */
    private static String changedSinceRead(String region) {
        return "EXISTS { MATCH (c:ChangeEvent) WHERE c.dueAt >= run.readAt AND c.event = 'ENTITY_CHANGED' AND "
                + region + " IN c.regions }";
    }

    /** The labour-market regions without a current run, by key. */
    List<String> stale() {
        return neo4j.query("""
                MATCH (r:Region {type: 'LABOUR_MARKET_REGION'})
                OPTIONAL MATCH (run:MeasureRun {scope: r.key})
                WITH r, run
                WHERE run IS NULL OR run.readAt < $oldest OR %s
                RETURN r.key AS key ORDER BY key""".formatted(changedSinceRead("r.key")))
                .bind(now().minus(properties.maxAge())).to("oldest")
                .fetchAs(String.class).all().stream().toList();
    }

    /** Computes one region's measures and replaces its stored run, in one write transaction. */
    void refresh(String region) {
        var started = System.nanoTime();
        var readAt = now();
        var plan = views.plan(new NetworkViews.Selection(region, null, null, null, null, null, null, null, null, null,
                null), false);
        var graph = new Collecting();
        exports.read(plan, graph);
        var computed = NetworkMeasures.compute(graph.nodes(), graph.edges, 1);
        var rows = rows(region, computed.measured());
        transactions.executeWithoutResult(status -> {
            neo4j.query("""
                    OPTIONAL MATCH (old:NodeMeasure {scope: $scope})
                    DETACH DELETE old""").bind(region).to("scope").run();
            neo4j.query("""
                    UNWIND $rows AS row
                    CREATE (m:NodeMeasure)
                    SET m = row""").bind(rows).to("rows").run();
            neo4j.query("""
                    MERGE (run:MeasureRun {scope: $scope})
                    SET run.readAt = $readAt, run.computedAt = $computedAt, run.nodeCount = $nodes,
                        run.edgeCount = $edges, run.communityCount = $communities, run.modularity = $modularity,
                        run.seed = 1""")
                    .bindAll(Map.of("scope", region, "readAt", readAt, "computedAt", now(), "nodes", computed.nodeCount(),
                            "edges", computed.edgeCount(), "communities", computed.communityCount(),
                            "modularity", computed.modularity()))
                    .run();
            revision.advance();
        });
        log.info("Network measures of {} computed ahead in {} ms: {} nodes, {} edges", region,
                (System.nanoTime() - started) / 1_000_000, computed.nodeCount(), computed.edgeCount());
    }

    /** Forgets every stored run (a seed import rewrote the network without change events). Inside the caller's transaction. */
    public void forgetAll() {
        neo4j.query("""
                OPTIONAL MATCH (m:NodeMeasure)
                DETACH DELETE m
                WITH count(*) AS done
                OPTIONAL MATCH (run:MeasureRun)
                DETACH DELETE run""").run();
    }

    /**
     * The stored measures, where they answer the selection: a whole labour-market region with no
     * kinds, types or window, and the default seed. Read in the caller's transaction.
     */
    Optional<NetworkMeasures.Result> stored(NetworkViews.Selection selection, Integer seed, String orderBy,
            PageRequest page) {
        boolean whole = selection.region() != null && selection.project() == null && selection.event() == null
                && selection.organisation() == null && empty(selection.kinds()) && empty(selection.relationshipTypes())
                && selection.from() == null && selection.to() == null && selection.asOf() == null
                && (seed == null || seed == 1);
        if (!whole) {
            return Optional.empty();
        }
        var scope = views.plan(selection, false).key();
        var rank = RANKS.get(orderBy);
        long after = page.after() == null ? -1 : ((Number) page.after().getFirst()).longValue();
        // The rank field is one of RANKS' constants, so it may stand in the query text (and use its index).
        return neo4j.query("""
                MATCH (run:MeasureRun {scope: $scope})
                WITH run, toString(run.computedAt) AS computedAt,
                     NOT %2$s AS current
                RETURN run {.nodeCount, .edgeCount, .communityCount, .modularity} AS run, computedAt, current,
                       COLLECT { MATCH (m:NodeMeasure {scope: $scope}) WHERE m.%1$s > $after
                                 RETURN m ORDER BY m.%1$s LIMIT $limit } AS page""".formatted(rank, changedSinceRead("$scope")))
                .bind(scope).to("scope").bind(after).to("after").bind(page.limit()).to("limit")
                .fetchAs(NetworkMeasures.Result.class).mappedBy((types, record) -> {
                    var run = record.get("run").asMap();
                    var rows = record.get("page").asList(value -> {
                        var m = value.asNode();
                        var measured = measured(m);
                        return new Connection.Row<>(measured, List.<Object>of(m.get(rank).asLong(), measured.node().id()));
                    });
                    int nodes = ((Number) run.get("nodeCount")).intValue();
                    return new NetworkMeasures.Result(nodes, ((Number) run.get("edgeCount")).intValue(), false,
                            ((Number) run.get("communityCount")).intValue(), ((Number) run.get("modularity")).doubleValue(),
                            record.get("computedAt").asString(), true, record.get("current").asBoolean(),
                            Connection.ofNodes("networkMeasures:" + orderBy, rows, page, nodes));
                }).one();
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }

    /** One stored row per node: what the API shows of it, its measures, and its place in each order. */
    private static List<Map<String, Object>> rows(String scope, List<NetworkMeasures.Measured> measured) {
        var ranks = new HashMap<String, Map<String, Long>>();
        for (var entry : RANKS.entrySet()) {
            var ordered = new ArrayList<>(measured);
            ordered.sort(NetworkMeasures.order(entry.getKey()));
            var positions = new HashMap<String, Long>();
            for (int i = 0; i < ordered.size(); i++) {
                positions.put(ordered.get(i).node().id(), (long) i);
            }
            ranks.put(entry.getValue(), positions);
        }
        var rows = new ArrayList<Map<String, Object>>();
        for (var m : measured) {
            var node = m.node();
            var row = new HashMap<String, Object>();
            row.put("scope", scope);
            row.put("nodeId", node.id());
            row.put("label", node.label());
            row.put("name", node.name());
            row.put("kind", node.kind());
            row.put("subkind", node.subkind());
            row.put("region", node.region());
            row.put("viewDegree", node.degree());
            row.put("weight", node.weight());
            row.put("start", node.start());
            row.put("end", node.end());
            if (node.coordinates() != null) {
                row.put("location", org.neo4j.driver.Values.point(Coordinates.WGS84, node.coordinates().longitude(),
                        node.coordinates().latitude()));
                row.put("coordinatesBasis", node.coordinates().basis());
                row.put("place", node.coordinates().place());
            }
            row.put("degree", m.degree());
            row.put("betweenness", m.betweenness());
            row.put("closeness", m.closeness());
            row.put("pageRank", m.pageRank());
            row.put("community", m.community());
            ranks.forEach((field, positions) -> row.put(field, positions.get(node.id())));
            row.values().removeIf(value -> value == null);
            rows.add(row);
        }
        return rows;
    }

    private static NetworkMeasures.Measured measured(org.neo4j.driver.types.Node m) {
        var location = m.get("location");
        var coordinates = location.isNull() ? null
                : Coordinates.of(location, m.get("coordinatesBasis").asString(), m.get("place").asString());
        var node = new NetworkView.Node(m.get("nodeId").asString(), m.get("label").asString(), m.get("name").asString(),
                m.get("kind").asString(), m.get("subkind").asString(null), m.get("region").asString(null),
                m.get("viewDegree").asInt(), m.get("weight").asDouble(), m.get("start").asString(null),
                m.get("end").asString(null), coordinates);
        return new NetworkMeasures.Measured(node, m.get("degree").asInt(), m.get("betweenness").asDouble(),
                m.get("closeness").asDouble(), m.get("pageRank").asDouble(), m.get("community").asInt());
    }

    /**
     * On a regular shutdown, lets go of the lease this instance may hold, so another instance need
     * not wait for it to run out (after a crash it does).
     */
    @jakarta.annotation.PreDestroy
    void stop() {
        try {
            release();
        } catch (RuntimeException e) {
            log.debug("Could not release the measures lease at shutdown: {}", e.toString());
        }
    }

    /** Takes or renews the lease; false when another instance holds it. */
    private boolean lease() {
        var now = now();
        return Boolean.TRUE.equals(transactions.execute(status -> neo4j.query("""
                MERGE (l:Lease {name: $name})
                WITH l WHERE l.holder IS NULL OR l.holder = $me OR l.until < $now
                SET l.holder = $me, l.until = $until
                RETURN count(l) = 1 AS held""")
                .bindAll(Map.of("name", LEASE, "me", instance, "now", now, "until", now.plus(properties.lease())))
                .fetchAs(Boolean.class).one().orElse(false)));
    }

    private void release() {
        transactions.executeWithoutResult(status -> neo4j.query("""
                MATCH (l:Lease {name: $name, holder: $me})
                SET l.holder = null, l.until = null""").bind(LEASE).to("name").bind(instance).to("me").run());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Holds a region's nodes and edges as the export reads them, with each node's degree among them. */
    private static final class Collecting implements NetworkWriter {
        private final List<NetworkView.Node> nodes = new ArrayList<>();
        private final List<NetworkView.Edge> edges = new ArrayList<>();

        @Override
        public void node(NetworkView.Node node) {
            nodes.add(node);
        }

        @Override
        public void edge(NetworkView.Edge edge) {
            edges.add(edge);
        }

        @Override
        public void finish() {
        }

        /** The nodes with degree and weight among these edges, as a view counts them. */
        List<NetworkView.Node> nodes() {
            var degree = new HashMap<String, Integer>();
            for (var edge : edges) {
                for (var end : new java.util.TreeSet<>(List.of(edge.source(), edge.target()))) {
                    degree.merge(end, 1, Integer::sum);
                }
            }
            return nodes.stream().map(n -> new NetworkView.Node(n.id(), n.label(), n.name(), n.kind(), n.subkind(),
                    n.region(), degree.getOrDefault(n.id(), 0), degree.getOrDefault(n.id(), 0), n.start(), n.end(),
                    n.coordinates())).toList();
        }
    }
}
