package org.partnernetz.network;

import java.util.List;

import org.partnernetz.organisation.Organisation;

/**
 * An organisation active in a region, and why: the edge type of {@code partners}. {@code ties}: the
 * first of them, as many as the request shows; {@code tieCount}: how many there are.
 */
record PartnerEdge(String cursor, Organisation node, List<PartnerTie> ties, int tieCount) {
}
