package org.partnernetz.network;

import java.util.List;

import org.partnernetz.organisation.Organisation;

/** A pair of collaborating organisations, ordered by seed key, and everything that connects them. */
record Collaboration(Organisation organisationA, Organisation organisationB, List<CollaborationLink> links) {

    public int weight() {
        return links.size();
    }
}
