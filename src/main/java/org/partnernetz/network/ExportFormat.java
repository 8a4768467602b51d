package org.partnernetz.network;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The files a network exports to, by the name a download ends in ({@code network.<suffix>}): the
 * formats Gephi, Cytoscape, yEd, NetworkX, spreadsheets, Cytoscape.js, graphology and map tools
 * open.
 */
enum ExportFormat {
    GRAPHML("graphml", "application/graphml+xml"),
    GEXF("gexf", "application/gexf+xml"),
    NODES_CSV("nodes.csv", "text/csv"),
    EDGES_CSV("edges.csv", "text/csv"),
    CYTOSCAPE("cytoscape.json", "application/json"),
    GRAPHOLOGY("graphology.json", "application/json"),
    GEOJSON("geojson", "application/geo+json");

    final String suffix;
    final String mediaType;

    ExportFormat(String suffix, String mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    static Optional<ExportFormat> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(format -> format.suffix.equals(suffix)).findFirst();
    }

    /** A writer of this format onto {@code out}; {@code title} says what was selected. */
    NetworkWriter open(OutputStream out, String title) throws IOException {
        return switch (this) {
            case GRAPHML -> new XmlNetworkWriters.Graphml(out, title);
            case GEXF -> new XmlNetworkWriters.Gexf(out, title);
            case NODES_CSV -> new CsvNetworkWriters.Nodes(out);
            case EDGES_CSV -> new CsvNetworkWriters.Edges(out);
            case CYTOSCAPE -> new JsonNetworkWriters.Cytoscape(out);
            case GRAPHOLOGY -> new JsonNetworkWriters.Graphology(out, title);
            case GEOJSON -> new JsonNetworkWriters.GeoJson(out, title);
        };
    }

    /** The names of the downloads, for messages. */
    static String suffixes() {
        return String.join(", ", Arrays.stream(values()).map(format -> "network." + format.suffix).toList());
    }
}
