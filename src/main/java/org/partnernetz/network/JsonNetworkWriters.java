package org.partnernetz.network;

import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A network as JSON, streamed through one Jackson generator: Cytoscape's elements (Cytoscape.js
 * {@code cytoscape({elements})} and Cytoscape's JSON import), graphology's serialised graph
 * ({@code Graph.from}), and GeoJSON points of the nodes that have coordinates. Nodes and edges are
 * the records {@code network(...)} answers with, in the same shapes ({@link NetworkView}).
 */
final class JsonNetworkWriters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNetworkWriters() {
    }

    /** Writes {@code {"<outer>": ..., "nodes": [...], "edges": [...]}} as the subclasses open it. */
    private abstract static class Lists implements NetworkWriter {
        final JsonGenerator json;
        private boolean inEdges;

        Lists(OutputStream out) {
            json = JSON.createGenerator(out);
        }

        @Override
        public void node(NetworkView.Node node) {
            json.writePOJO(nodeElement(node));
        }

        @Override
        public void edge(NetworkView.Edge edge) {
            if (!inEdges) {
                inEdges = true;
                json.writeEndArray();
                json.writeName("edges");
                json.writeStartArray();
            }
            json.writePOJO(edgeElement(edge));
        }

        @Override
        public void finish() {
            if (!inEdges) {
                json.writeEndArray();
                json.writeName("edges");
                json.writeStartArray();
            }
            json.writeEndArray();
            close();
            json.flush();
        }

        abstract Object nodeElement(NetworkView.Node node);

        abstract Object edgeElement(NetworkView.Edge edge);

        /** Closes what the subclass opened around the two lists. */
        abstract void close();
    }

    /** {@code {"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}}. */
    static final class Cytoscape extends Lists {
        Cytoscape(OutputStream out) {
            super(out);
            json.writeStartObject();
            json.writeName("elements");
            json.writeStartObject();
            json.writeName("nodes");
            json.writeStartArray();
        }

        @Override
        Object nodeElement(NetworkView.Node node) {
            return new NetworkView.CytoscapeNode(node);
        }

        @Override
        Object edgeElement(NetworkView.Edge edge) {
            return new NetworkView.CytoscapeEdge(edge);
        }

        @Override
        void close() {
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** graphology's serialised form: attributes, options (directed, multi), nodes by key, edges by key. */
    static final class Graphology extends Lists {
        Graphology(OutputStream out, String title) {
            super(out);
            json.writeStartObject();
            json.writePOJOProperty("attributes", new NetworkView.GraphologyAttributes(title));
            json.writePOJOProperty("options", new NetworkView.GraphologyOptions("directed", true, true));
            json.writeName("nodes");
            json.writeStartArray();
        }

        @Override
        Object nodeElement(NetworkView.Node node) {
            return new NetworkView.GraphologyNode(node.id(), node);
        }

        @Override
        Object edgeElement(NetworkView.Edge edge) {
            return new NetworkView.GraphologyEdge(edge.id(), edge.source(), edge.target(), edge);
        }

        @Override
        void close() {
            json.writeEndObject();
        }
    }

    /**
     * A FeatureCollection (RFC 7946) of points: each node with coordinates, at its own point or its
     * region's ({@code coordinatesBasis} says which), with its attributes as properties; then the
     * places of the selection ({@code kind: PLACE}).
     */
    static final class GeoJson implements NetworkWriter {
        private final JsonGenerator json;

        GeoJson(OutputStream out, String title) {
            json = JSON.createGenerator(out);
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeStringProperty("name", title);
            json.writeName("features");
            json.writeStartArray();
        }

        @Override
        public void node(NetworkView.Node node) {
            var at = node.coordinates();
            if (at == null) {
                return;
            }
            json.writeStartObject();
            json.writeStringProperty("type", "Feature");
            json.writeStringProperty("id", node.id());
            point(at.longitude(), at.latitude());
            json.writeName("properties");
            json.writeStartObject();
            json.writeStringProperty("label", node.label());
            json.writeStringProperty("name", node.name());
            json.writeStringProperty("kind", node.kind());
            json.writeStringProperty("subkind", node.subkind());
            json.writeStringProperty("region", node.region());
            json.writeNumberProperty("degree", node.degree());
            json.writeStringProperty("start", node.start());
            json.writeStringProperty("end", node.end());
            json.writeStringProperty("coordinatesBasis", at.basis());
            json.writeStringProperty("place", at.place());
            json.writeEndObject();
            json.writeEndObject();
        }

        @Override
        public boolean wantsPlaces() {
            return true;
        }

        @Override
        public void place(Place place) {
            var at = place.coordinates();
            json.writeStartObject();
            json.writeStringProperty("type", "Feature");
            json.writeStringProperty("id", place.id());
            point(at.longitude(), at.latitude());
            json.writeName("properties");
            json.writeStartObject();
            json.writeStringProperty("label", place.name());
            json.writeStringProperty("name", place.name());
            json.writeStringProperty("kind", "PLACE");
            json.writeStringProperty("subkind", place.type());
            json.writeStringProperty("coordinatesBasis", at.basis());
            json.writeStringProperty("place", at.place());
            json.writeEndObject();
            json.writeEndObject();
        }

        private void point(double longitude, double latitude) {
            json.writeName("geometry");
            json.writeStartObject();
            json.writeStringProperty("type", "Point");
            json.writeName("coordinates");
            json.writeStartArray();
            json.writeNumber(longitude);
            json.writeNumber(latitude);
            json.writeEndArray();
            json.writeEndObject();
        }

        @Override
        public void edge(NetworkView.Edge edge) {
            throw new UnsupportedOperationException("GeoJSON here holds places, not ties");
        }

        @Override
        public boolean wantsEdges() {
            return false;
        }

        @Override
        public void finish() {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        }
    }
}
