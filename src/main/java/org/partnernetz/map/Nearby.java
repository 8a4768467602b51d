package org.partnernetz.map;

import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.GraphObject;

/** An entry {@code near(...)} found: the point it was found by, and how far that is from the centre. */
record Nearby(GraphObject entry, String kind, Coordinates coordinates, double distanceKm) {
}
