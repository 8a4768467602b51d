package org.partnernetz.network;

import java.util.List;

import org.partnernetz.organisation.Organisation;

/** An organisation active in a region, and why: the edge type of {@code partners}. */
record PartnerEdge(String cursor, Organisation node, List<PartnerTie> ties) {
}
