package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.Coordinates;

/**
 * A selection of the network as nodes and edges ({@code network(...)}), with the same in the shapes
 * Cytoscape.js and graphology load as they are. {@code name} says what was selected.
 */
record NetworkView(String name, List<Node> nodes, List<Edge> edges, int nodeCount, boolean truncated, int limit) {

    /** A node: an entry of the network, with its degree and weight in this view. */
    record Node(String id, String label, String name, String kind, String subkind, String region, int degree,
            double weight, String start, String end, Coordinates coordinates) {

        /**
         * A node of an entry with the graph label {@code entityLabel}: shown by its short
         * name where it has one, its kind the API's word for the label.
         */
        static Node of(String id, String entityLabel, String name, String shortName, String subkind, String region,
                int degree, double weight, String start, String end, Coordinates coordinates) {
            return new Node(id, shortName != null ? shortName : name, name, NetworkViews.kindOf(entityLabel), subkind,
                    region, degree, weight, start, end, coordinates);
        }
    }

    /** An edge: one stated relationship between two of the nodes. */
    record Edge(String id, String source, String target, String type, String role, String since, String until,
            double weight, String basis, List<String> sources) {
    }

    record CytoscapeElements(List<CytoscapeNode> nodes, List<CytoscapeEdge> edges) {
    }

    record CytoscapeNode(Node data) {
    }

    record CytoscapeEdge(Edge data) {
    }

    record GraphologyGraph(GraphologyAttributes attributes, GraphologyOptions options, List<GraphologyNode> nodes,
            List<GraphologyEdge> edges) {
    }

    record GraphologyAttributes(String name) {
    }

    record GraphologyOptions(String type, boolean multi, boolean allowSelfLoops) {
    }

    record GraphologyNode(String key, Node attributes) {
    }

    record GraphologyEdge(String key, String source, String target, Edge attributes) {
    }

    public CytoscapeElements cytoscape() {
        return new CytoscapeElements(nodes.stream().map(CytoscapeNode::new).toList(),
                edges.stream().map(CytoscapeEdge::new).toList());
    }

    public GraphologyGraph graphology() {
        return new GraphologyGraph(new GraphologyAttributes(name), new GraphologyOptions("directed", true, true),
                nodes.stream().map(node -> new GraphologyNode(node.id(), node)).toList(),
                edges.stream().map(edge -> new GraphologyEdge(edge.id(), edge.source(), edge.target(), edge)).toList());
    }
}
