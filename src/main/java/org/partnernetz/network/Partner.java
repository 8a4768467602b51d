package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.organisation.Organisation;
import org.partnernetz.region.Region;
import org.partnernetz.relationship.Relationship;

/** An organisation active in a region, and why: the edge type of {@code partners}. */
record Partner(String cursor, Organisation node, List<Tie> ties) {

    /** One reason: located or active in the region, or taking part in something that is. */
    record Tie(String kind, Region region, GraphObject through, Relationship relationship) {
    }
}
