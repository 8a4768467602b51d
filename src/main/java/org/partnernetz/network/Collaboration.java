package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.organisation.Organisation;
import org.partnernetz.graph.HasSources;

/** A pair of collaborating organisations, ordered by seed id, and everything that connects them. */
record Collaboration(Organisation organisationA, Organisation organisationB, List<Link> links) {

    public int weight() {
        return links.size();
    }

    /** One shared project, event or council, or one funding, with the pair's roles and sources. */
    record Link(String kind, GraphObject through, String roleA, String roleB, String since, String until,
            String basis, List<String> sourceKeys) implements HasSources {
    }
}
