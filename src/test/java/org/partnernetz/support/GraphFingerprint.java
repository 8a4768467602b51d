package org.partnernetz.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Everything in the graph as sorted lines of text: each node with its labels and properties, each
 * relationship with its type, ends and properties. Two equal fingerprints mean nothing changed
 * (internal element ids aside). The graph's revision, a count of writes that moves with every
 * import (as it does with the collaborations' generation stamp), is left out.
 */
public final class GraphFingerprint {

    private GraphFingerprint() {
    }

    public static List<String> of(Neo4jClient neo4j) {
        var lines = new ArrayList<String>();
        neo4j.query("MATCH (n) WHERE NOT n:GraphRevision RETURN labels(n) AS labels, properties(n) AS props")
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

    /** Who changed what and when, whose it is, and the edit lock: not facts of the network. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("version", "updatedAt", "updatedBy",
            "origin", "editedFields", "lockedBy");

    /**
     * The network alone, as sorted lines: every entity with its labels and properties and every
     * relationship between two entities with its type, ends and properties, each without
     * {@link #BOOKKEEPING}. Two graphs with equal lines hold the same network, whoever wrote it.
     */
    public static List<String> entities(Neo4jClient neo4j) {
        var lines = new ArrayList<String>();
        neo4j.query("MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props")
                .fetch().all()
                .forEach(row -> lines.add("node " + sorted(row.get("labels")) + " " + facts(row.get("props"))));
        neo4j.query("MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props")
                .fetch().all()
                .forEach(row -> lines.add("rel " + row.get("type") + " " + row.get("from") + "->" + row.get("to") + " "
                        + facts(row.get("props"))));
        lines.sort(String::compareTo);
        return lines;
    }

    private static TreeMap<Object, Object> facts(Object props) {
        var map = new TreeMap<Object, Object>((Map<?, ?>) props);
        map.keySet().removeAll(BOOKKEEPING);
        return map;
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
