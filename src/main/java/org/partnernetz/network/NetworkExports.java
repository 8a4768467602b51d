package org.partnernetz.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.Label;
import org.partnernetz.relationship.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Network exports: the whole network or a {@code network(...)} selection, in a file format
 * ({@link ExportFormat}), streamed from Neo4j to the stream record by record in one read
 * transaction, so that a full-size export holds no more than the nodes' ids (to keep only the
 * edges among them) and the current row.
 *
 * <p>Unlike a view, an export has no node limit; a node's {@code degree} is its number of ties of
 * the selected types in the whole graph (a view counts those in the view), and {@code weight} is the
 * same number, since every stated tie weighs 1. Where a node's time is known only by bounds (an event
 * of which only "not before" and "not after" are known), {@code start} and {@code end} are those
 * days, so that Gephi's timeline places it.
 */
@Service
public class NetworkExports {

    private final NetworkViews views;
    private final Neo4jClient neo4j;

    NetworkExports(NetworkViews views, Neo4jClient neo4j) {
        this.views = views;
        this.neo4j = neo4j;
    }

    /** What an export wrote. */
    public record Exported(long nodes, long edges, long places) {
    }

    /** Checks a selection (BAD_REQUEST, NOT_FOUND) before anything is written; none at all is the whole network. */
    @Transactional(readOnly = true)
    public NetworkViews.Plan plan(NetworkViews.Selection selection) {
        return views.plan(selection, true);
    }

    /**
     * The longest an export's read transaction may take: a full-size network takes minutes, longer
     * than the database's default for a transaction ({@code partnernetz.embedded.transaction-timeout}).
     */
    static final int TIMEOUT_SECONDS = 30 * 60;

    @Transactional(readOnly = true, timeout = TIMEOUT_SECONDS)
    public Exported write(NetworkViews.Plan plan, ExportFormat format, OutputStream out) {
        try {
            return read(plan, format.open(out, plan.title()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    /** Reads the planned selection into a writer, nodes then edges (each in the database's order), in one read transaction. */
    @Transactional(readOnly = true, timeout = TIMEOUT_SECONDS)
    Exported read(NetworkViews.Plan plan, NetworkWriter writer) {
        return neo4j.delegateTo(runner -> {
            try {
                var parameters = plan.parameters();
                var ids = new HashMap<String, String>();
                long nodes = 0;
                var result = runner.run("""
                        %s
                        RETURN n.key AS key, [l IN labels(n) WHERE l IN $labels][0] AS label,
                               coalesce(n.name, n.label, n.key) AS name, n.shortName AS shortName, n.kind AS kind,
                               coalesce(n.startText, toString(n.start)) AS start,
                               coalesce(n.endText, toString(n.end)) AS end, %s AS region,
                               COUNT { (n)-[:%s]-() } AS degree, %s AS coordinates""".formatted(plan.select(), NetworkViews.REGION_OF_N, plan.pattern(),
                        Coordinates.OF_ENTRY), parameters);
                var places = new java.util.TreeSet<String>();
                while (result.hasNext()) {
                    var node = node(result.next());
                    ids.put(node.id().substring(node.id().indexOf(':') + 1), node.id());
                    if (node.coordinates() != null) {
                        places.add(node.coordinates().place());
                    }
                    if (writer.wantsNodes()) {
                        writer.node(node);
                    }
                    nodes++;
                }
                long placed = writer.wantsPlaces() ? places(plan, places, writer) : 0;
                long edges = 0;
                if (writer.wantsEdges()) {
                    var ties = runner.run("""
                            %s
                            MATCH (n)-[r:%s]->(b:Entity)
                            WHERE %s
                            RETURN n.key AS from, b.key AS to, r""".formatted(plan.select(), plan.pattern(),
                            NetworkViews.EDGE_IN_WINDOW), parameters);
                    while (ties.hasNext()) {
                        var row = ties.next();
                        var target = ids.get(row.get("to").asString());
                        if (target != null) {
                            writer.edge(NetworkViews.edge(ids.get(row.get("from").asString()), target,
                                    Relationship.from(row.get("r").asRelationship())));
                            edges++;
                        }
                    }
                }
                writer.finish();
                return Optional.of(new Exported(nodes, edges, placed));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export", e);
            }
        }).run().orElseThrow();
    }

    /**
     * The places of the selection with a point: a region's own and those inside it, every region
     * for the whole network, and otherwise the places its nodes are drawn at.
     */
    private long places(NetworkViews.Plan plan, java.util.Set<String> drawnAt, NetworkWriter writer) throws IOException {
        var query = plan.scope() == null ? "MATCH (r:Region) WHERE r.location IS NOT NULL"
                : plan.scope() == Label.Region ? """
                        MATCH (root:Region {key: $key})
                        MATCH (r:Region)-[:PART_OF*0..6]->(root)
                        WHERE r.location IS NOT NULL
                        WITH DISTINCT r"""
                : "MATCH (r:Region) WHERE r.key IN $drawnAt AND r.location IS NOT NULL";
        var rows = neo4j.query(query + """

                RETURN r.key AS key, r.name AS name, r.type AS type, r.location AS location
                ORDER BY key""")
                .bindAll(Map.of("key", plan.key() == null ? "" : plan.key(), "drawnAt", java.util.List.copyOf(drawnAt)))
                .fetchAs(NetworkWriter.Place.class).mappedBy((types, row) -> new NetworkWriter.Place(
                        Label.Region.name() + ":" + row.get("key").asString(), row.get("name").asString(),
                        row.get("type").asString(), Coordinates.of(row.get("location"), Coordinates.OWN,
                                row.get("key").asString())))
                .all();
        for (var place : rows) {
            writer.place(place);
        }
        return rows.size();
    }

    private static NetworkView.Node node(Record row) {
        var label = row.get("label").asString();
        var key = row.get("key").asString();
        int degree = row.get("degree").asInt();
        return NetworkView.Node.of(label + ":" + key, label, row.get("name").asString(),
                row.get("shortName").asString(null), row.get("kind").asString(null), row.get("region").asString(null), degree,
                degree, row.get("start").asString(null), row.get("end").asString(null),
                Coordinates.of(row.get("coordinates").isNull() ? null : row.get("coordinates").asMap()));
    }
}
