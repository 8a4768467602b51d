package org.partnernetz.network;

import java.util.List;

import org.partnernetz.organisation.Organisation;

/**
 * A pair of collaborating organisations, ordered by seed key, how many links connect them in the
 * scope asked for, and the first of those links, as many as the request shows.
 */
record Collaboration(Organisation organisationA, Organisation organisationB, int weight, List<CollaborationLink> links) {
}
