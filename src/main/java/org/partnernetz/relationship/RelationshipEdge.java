package org.partnernetz.relationship;

import org.partnernetz.graph.GraphObject;

/** One edge of a {@code RelationshipConnection}: the object at the other end and the facts. */
public record RelationshipEdge(String cursor, GraphObject node, Relationship relationship) {
}
