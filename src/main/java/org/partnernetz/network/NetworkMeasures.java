package org.partnernetz.network;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeIntArray;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code networkMeasures}: centrality and communities of one selection of the network, computed at
 * the request over the nodes and edges {@link NetworkViews} selects (at most 2000 nodes), or read
 * from those {@link MeasuresAhead} computed for a whole labour-market region, taken as a
 * simple undirected graph. The measures come from JGraphT (betweenness, harmonic closeness,
 * PageRank) and the communities from the Leiden algorithm of its authors' library (CWTS), set to
 * maximise modularity, with a seeded random source so that a seed gives the same communities.
 */
@Service
@Transactional(readOnly = true)
public class NetworkMeasures {

    static final double DAMPING = 0.85;
    static final double PAGE_RANK_TOLERANCE = 1e-12;
    private static final int PAGE_RANK_ITERATIONS = 10_000;
    private static final int LEIDEN_ITERATIONS = 10;

    private final NetworkViews views;
    private final MeasuresAhead ahead;

    NetworkMeasures(NetworkViews views, MeasuresAhead ahead) {
        this.views = views;
        this.ahead = ahead;
    }

    /** One node's measures, as {@code NodeMeasures} has them. */
    record Measured(NetworkView.Node node, int degree, double betweenness, double closeness, double pageRank,
            int community) {
    }

    /** The measures of a selection, as {@code NetworkMeasures} has them. */
    record Result(int nodeCount, int edgeCount, boolean truncated, int communityCount, double modularity,
            String computedAt, boolean precomputed, boolean current, Connection<Connection.Edge<Measured>> nodes) {
    }

    /** Measures of a whole graph: each node's, ordered by nothing yet, and the communities' summary. */
    record Computed(List<Measured> measured, int nodeCount, int edgeCount, int communityCount, double modularity) {
    }

    Result measure(NetworkViews.Selection selection, Integer seed, String orderBy, PageRequest page, boolean fresh) {
        var list = "networkMeasures:" + orderBy;
        if (page.after() != null && !list.equals(page.afterList())) {
            throw new BadRequestException("after: the cursor is not one of this list (ordered by " + orderBy + ")");
        }
        if (!fresh) {
            var stored = ahead.stored(selection, seed, orderBy, page);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        var view = views.view(selection);
        var computed = compute(view.nodes(), view.edges(), seed == null ? 1 : seed);
        var measured = new ArrayList<>(computed.measured());
        measured.sort(order(orderBy));
        long after = page.after() == null ? -1 : ((Number) page.after().getFirst()).longValue();
        var rows = new ArrayList<Connection.Row<Measured>>();
        for (int i = (int) Math.max(0, after + 1); i < measured.size() && rows.size() < page.limit(); i++) {
            rows.add(new Connection.Row<>(measured.get(i), List.of((long) i, measured.get(i).node().id())));
        }
        return new Result(computed.nodeCount(), computed.edgeCount(), view.truncated(), computed.communityCount(),
                computed.modularity(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString(),
                false, true, Connection.ofNodes(list, rows, page, measured.size()));
    }

    /** The order of a measure's list: highest first, then by id; a node's place in it is its cursor. */
    static Comparator<Measured> order(String orderBy) {
        Comparator<Measured> byScore = Comparator.comparingDouble(m -> score(m, orderBy));
        return byScore.reversed().thenComparing(m -> m.node().id());
    }

    /**
     * Betweenness, harmonic closeness, PageRank and Leiden communities of the nodes and edges, taken
     * as a simple undirected graph (a pair tied twice, or both ways, is one edge; ties of a node to
     * itself are left out). Nodes and edges are taken in the order of their ids whatever order they
     * come in, so that one seed gives the same communities to a view and to the measures computed ahead.
     */
    static Computed compute(List<NetworkView.Node> given, java.util.Collection<NetworkView.Edge> givenEdges, int seed) {
        var nodes = given.stream().sorted(Comparator.comparing(NetworkView.Node::id)).toList();
        var edges = givenEdges.stream().sorted(Comparator.comparing(NetworkView.Edge::source)
                .thenComparing(NetworkView.Edge::target).thenComparing(NetworkView.Edge::id)).toList();
        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        nodes.forEach(node -> graph.addVertex(node.id()));
        for (var edge : edges) {
            if (!edge.source().equals(edge.target()) && !graph.containsEdge(edge.source(), edge.target())) {
                graph.addEdge(edge.source(), edge.target());
            }
        }
        var betweenness = new BetweennessCentrality<>(graph, false).getScores();
        var closeness = new HarmonicCentrality<>(graph, false, true).getScores();
        var pageRank = new PageRank<>(graph, DAMPING, PAGE_RANK_ITERATIONS, PAGE_RANK_TOLERANCE).getScores();
        var communities = communities(graph, nodes, seed);
        var measured = new ArrayList<Measured>();
        for (var node : nodes) {
            var id = node.id();
            measured.add(new Measured(node, graph.degreeOf(id), betweenness.get(id), closeness.get(id), pageRank.get(id),
                    communities.clusters().get(id)));
        }
        return new Computed(measured, graph.vertexSet().size(), graph.edgeSet().size(), communities.count(),
                communities.modularity());
    }

    static double score(Measured measured, String orderBy) {
        return switch (orderBy) {
            case "DEGREE" -> measured.degree();
            case "BETWEENNESS" -> measured.betweenness();
            case "CLOSENESS" -> measured.closeness();
            default -> measured.pageRank();
        };
    }

    /** Communities by node id (0 the largest), how many, and their modularity. */
    private record Communities(Map<String, Integer> clusters, int count, double modularity) {
    }

    /**
     * The Leiden algorithm on the graph, set to modularity: node weights are degrees and the
     * resolution is one over twice the number of edges, as its authors prescribe for modularity.
     */
    private static Communities communities(Graph<String, DefaultEdge> graph, List<NetworkView.Node> nodes, int seed) {
        var index = new HashMap<String, Integer>();
        nodes.forEach(node -> index.put(node.id(), index.size()));
        int edges = graph.edgeSet().size();
        var clusters = new HashMap<String, Integer>();
        if (edges == 0) {
            nodes.forEach(node -> clusters.put(node.id(), clusters.size()));
            return new Communities(clusters, nodes.size(), 0.0);
        }
        var from = new int[edges];
        var to = new int[edges];
        int i = 0;
        for (var edge : graph.edgeSet()) {
            from[i] = index.get(graph.getEdgeSource(edge));
            to[i] = index.get(graph.getEdgeTarget(edge));
            i++;
        }
        var network = new Network(nodes.size(), true, new LargeIntArray[] {new LargeIntArray(from), new LargeIntArray(to)},
                false, true);
        double resolution = 1.0 / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        var leiden = new LeidenAlgorithm(resolution, LEIDEN_ITERATIONS, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
        var clustering = new Clustering(nodes.size());
        leiden.improveClustering(network, clustering);
        clustering.orderClustersByNNodes();
        for (var node : nodes) {
            clusters.put(node.id(), clustering.getCluster(index.get(node.id())));
        }
        // At this resolution, with degrees as node weights, the CPM quality the library reports is the modularity.
        double modularity = leiden.calcQuality(network, clustering);
        return new Communities(clusters, clustering.getNClusters(), modularity);
    }
}
