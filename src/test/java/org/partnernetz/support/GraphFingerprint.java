package org.partnernetz.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Everything in the graph as sorted lines of text: each node with its labels and properties, each
 * relationship with its type, ends and properties. Two equal fingerprints mean nothing changed
 * (internal element ids aside).
 */
public final class GraphFingerprint {

    private GraphFingerprint() {
    }

    public static List<String> of(Neo4jClient neo4j) {
        var lines = new ArrayList<String>();
        neo4j.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
                .fetch().all()
                .forEach(row -> lines.add("node " + sorted(row.get("labels")) + " " + withoutBookkeeping(row.get("props"))));
        neo4j.query("""
                MATCH (a)-[r]->(b)
                RETURN type(r) AS type, a.key AS from, b.key AS to,
                       properties(r) AS props
                """)
                .fetch().all()
                .forEach(row -> lines.add("rel " + row.get("type") + " " + row.get("from") + "->" + row.get("to") + " "
                        + new TreeMap<>((Map<?, ?>) row.get("props"))));
        lines.sort(String::compareTo);
        return lines;
    }

    /**
     * A node's properties without the generation stamp of derived collaborations: every rebuild
     * stamps a new one, and it says nothing about the graph's facts.
     */
    private static TreeMap<Object, Object> withoutBookkeeping(Object props) {
        var map = new TreeMap<Object, Object>((Map<?, ?>) props);
        map.remove("generation");
        return map;
    }

    private static String sorted(Object labels) {
        var list = new ArrayList<>((List<?>) labels).stream().map(String::valueOf).sorted().toList();
        return String.join(":", list);
    }
}
