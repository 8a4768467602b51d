package org.partnernetz.network;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.region.Region;
import org.partnernetz.relationship.Relationship;

/** One reason an organisation is a partner in a region: located or active there, or taking part in something that is. */
record PartnerTie(String kind, Region region, GraphObject through, Relationship relationship) {
}
