package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.HasSources;

/** One shared project, event or council, or one funding, with the pair's roles and sources. */
record CollaborationLink(String kind, GraphObject through, String roleA, String roleB, String since, String until,
        String basis, List<String> sourceKeys) implements HasSources {
}
