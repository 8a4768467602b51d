package org.partnernetz.network;

import java.io.IOException;

/**
 * Writes a network, streamed: every node first, then every edge (whose ends are among the nodes),
 * then {@link #finish()}. A format that holds only nodes or only edges says so, and the export
 * skips reading the other.
 */
interface NetworkWriter {

    void node(NetworkView.Node node) throws IOException;

    void edge(NetworkView.Edge edge) throws IOException;

    /** A region with a point, for formats that draw places (after the nodes, before the edges). */
    default void place(Place place) throws IOException {
    }

    default boolean wantsPlaces() {
        return false;
    }

    /** A region on the map: its global id, name, level in the hierarchy and point. */
    record Place(String id, String name, String type, org.partnernetz.graph.Coordinates coordinates) {
    }

    /** Closes what the format opened and flushes; the stream itself stays open. */
    void finish() throws IOException;

    default boolean wantsNodes() {
        return true;
    }

    default boolean wantsEdges() {
        return true;
    }
}
