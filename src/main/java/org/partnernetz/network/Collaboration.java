package org.partnernetz.network;

import java.util.List;

import org.partnernetz.organisation.Organisation;

/**
 * A pair of collaborating organisations, ordered by seed key, how many links connect them in the
 * scope asked for, and those links (left empty when the request does not show them).
 */
record Collaboration(Organisation organisationA, Organisation organisationB, int weight, List<CollaborationLink> links) {
}
