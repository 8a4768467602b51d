package org.partnernetz.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.partnernetz.graph.Coordinates;

/**
 * A network as two CSV tables (RFC 4180, UTF-8, a header row), one per download: nodes with their
 * attributes, and edges by the ids of their ends; lists (an edge's documents) joined by {@code ;}.
 * The columns are those Gephi's and NetworkX's importers look for ({@code id}, {@code label};
 * {@code source}, {@code target}, {@code type}, {@code weight}).
 */
final class CsvNetworkWriters {

    private CsvNetworkWriters() {
    }

    static final class Nodes implements NetworkWriter {
        private final CSVPrinter csv;

        Nodes(OutputStream out) throws IOException {
            csv = CSVFormat.RFC4180.builder().setHeader("id", "label", "name", "kind", "subkind", "region", "degree",
                    "start", "end", "latitude", "longitude", "coordinatesBasis").get()
                    .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        public void node(NetworkView.Node node) throws IOException {
            Coordinates at = node.coordinates();
            csv.printRecord(node.id(), node.label(), node.name(), node.kind(), node.subkind(), node.region(),
                    node.degree(), node.start(), node.end(), at == null ? null : at.latitude(),
                    at == null ? null : at.longitude(), at == null ? null : at.basis());
        }

        @Override
        public void edge(NetworkView.Edge edge) {
            throw new UnsupportedOperationException("the nodes table holds no edges");
        }

        @Override
        public boolean wantsEdges() {
            return false;
        }

        @Override
        public void finish() throws IOException {
            csv.flush();
        }
    }

    static final class Edges implements NetworkWriter {
        private final CSVPrinter csv;

        Edges(OutputStream out) throws IOException {
            csv = CSVFormat.RFC4180.builder().setHeader("id", "source", "target", "type", "role", "since", "until",
                    "weight", "basis", "sources").get()
                    .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        public void node(NetworkView.Node node) {
            throw new UnsupportedOperationException("the edges table holds no nodes");
        }

        @Override
        public boolean wantsNodes() {
            return false;
        }

        @Override
        public void edge(NetworkView.Edge edge) throws IOException {
            csv.printRecord(edge.id(), edge.source(), edge.target(), edge.type(), edge.role(), edge.since(),
                    edge.until(), edge.weight(), edge.basis(), String.join(";", edge.sources()));
        }

        @Override
        public void finish() throws IOException {
            csv.flush();
        }
    }
}
