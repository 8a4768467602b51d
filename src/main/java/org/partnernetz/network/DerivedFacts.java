package org.partnernetz.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Everything the two derivations keep, as sorted lines of text with a digest: every
 * {@code :Collaboration} pair with its properties and relationships, every context's
 * {@code :CollaborationRecord}, the network's {@code :CollaborationTotal}, every {@code PARTNER_IN}
 * membership with its properties, the pair and partner counts of regions and organisations, and
 * the rank indexes over the pairs. Two graphs with equal digests hold the same derived facts.
 *
 * <p>Left out, as they say nothing about the facts: internal element ids (nodes are named by their
 * keys) and the {@code generation} a rebuild stamps on what it writes. A count of 0 and a count
 * that is not there are the same (a rebuild removes an organisation's 0, a refresh leaves it).
 * Everything else on the derived nodes and relationships counts (a pair's or a record's lock flag
 * left behind would show: a rebuild writes them anew).
 *
 * @param lines the sorted lines
 * @param pairs stored pairs ({@code :Collaboration} nodes)
 * @param records contexts' records of their pairs
 * @param memberships {@code PARTNER_IN} relationships
 * @param counted regions and organisations with a non-zero count
 */
record DerivedFacts(List<String> lines, int pairs, int records, int memberships, int counted) {

    /** The properties the derivations write that say nothing about the facts. */
    private static final Set<String> BOOKKEEPING = Set.of("generation");

    /** The counts the derivations keep on regions and organisations. */
    private static final List<String> COUNTS = List.of("collaborationCount", "partnerCount", "directPartnerCount");

    /**
     * The name of a node at the other end of a relationship: its key (or a pair's key, a total's id),
     * never its element id.
     */
    private static final String NAME_OF_X = "coalesce(x.key, x.pairKey, x.id, '?')";

    /** Reads the derived facts of the graph, each query in its own read. */
    static DerivedFacts of(Neo4jClient neo4j) {
        var lines = new ArrayList<String>();
        int pairs = derivedNodes(neo4j, "Collaboration", "pairKey", lines);
        int records = derivedNodes(neo4j, "CollaborationRecord", "key", lines);
        derivedNodes(neo4j, "CollaborationTotal", "id", lines);
        var memberships = new int[1];
        neo4j.query("""
                MATCH (a)-[m:PARTNER_IN]->(b)
                RETURN labels(a) AS fromLabels, coalesce(a.key, '?') AS from, labels(b) AS toLabels,
                       coalesce(b.key, '?') AS to, properties(m) AS props""").fetch().all().forEach(row -> {
            memberships[0]++;
            lines.add("PARTNER_IN " + labels(row.get("fromLabels")) + " " + row.get("from") + " -> "
                    + labels(row.get("toLabels")) + " " + row.get("to") + " " + properties(row.get("props")));
        });
        var counted = new int[1];
        neo4j.query("""
                MATCH (n) WHERE any(p IN $counts WHERE n[p] IS NOT NULL)
                RETURN labels(n) AS labels, coalesce(n.key, '?') AS key, [p IN $counts | n[p]] AS counts""")
                .bind(COUNTS).to("counts").fetch().all().forEach(row -> {
                    var values = (List<?>) row.get("counts");
                    var shown = new TreeMap<String, Object>();
                    for (int i = 0; i < COUNTS.size(); i++) {
                        var value = values.get(i);
                        if (value != null && !(value instanceof Number number && number.longValue() == 0)) {
                            shown.put(COUNTS.get(i), value);
                        }
                    }
                    if (!shown.isEmpty()) {
                        counted[0]++;
                        lines.add("counts " + labels(row.get("labels")) + " " + row.get("key") + " " + shown);
                    }
                });
        neo4j.query("""
                SHOW INDEXES YIELD name, type, labelsOrTypes, properties
                WHERE 'Collaboration' IN labelsOrTypes
                RETURN name, type, properties""").fetch().all()
                .forEach(row -> lines.add("index " + row.get("name") + " " + row.get("type") + " " + row.get("properties")));
        lines.sort(String::compareTo);
        return new DerivedFacts(List.copyOf(lines), pairs, records, memberships[0], counted[0]);
    }

    /** Nodes with this label, each with its labels, properties and relationships; returns how many. */
    private static int derivedNodes(Neo4jClient neo4j, String label, String keyProperty, List<String> into) {
        var rows = neo4j.query("""
                MATCH (n:%s)
                RETURN labels(n) AS labels, coalesce(n.%s, '?') AS key, properties(n) AS props,
                       COLLECT { MATCH (n)-[r]-(x)
                                 RETURN {outgoing: startNode(r) = n, type: type(r), labels: labels(x), other: %s,
                                         props: properties(r)} } AS relationships"""
                .formatted(label, keyProperty, NAME_OF_X)).fetch().all();
        for (var row : rows) {
            var relationships = new TreeSet<String>();
            for (var value : (Collection<?>) row.get("relationships")) {
                var relationship = (Map<?, ?>) value;
                boolean outgoing = Boolean.TRUE.equals(relationship.get("outgoing"));
                relationships.add((outgoing ? "-" : "<-") + relationship.get("type") + (outgoing ? "->" : "-")
                        + labels(relationship.get("labels")) + " " + relationship.get("other") + " "
                        + properties(relationship.get("props")));
            }
            into.add(label + " " + row.get("key") + " " + labels(row.get("labels")) + " " + properties(row.get("props"))
                    + (relationships.isEmpty() ? "" : " relationships " + relationships));
        }
        return rows.size();
    }

    /** Properties in name order, without the bookkeeping of a rebuild. */
    private static String properties(Object props) {
        var sorted = new TreeMap<String, Object>();
        ((Map<?, ?>) props).forEach((name, value) -> {
            if (!BOOKKEEPING.contains(String.valueOf(name))) {
                sorted.put(String.valueOf(name), value);
            }
        });
        return sorted.toString();
    }

    private static String labels(Object labels) {
        return String.join(":", new TreeSet<>(strings(labels)));
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> strings(Object values) {
        return values == null ? List.of() : ((Collection<Object>) values).stream().map(String::valueOf).toList();
    }

    /** SHA-256 over the lines, one a line, in hex. */
    String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the fingerprint holds, in one line. */
    String summary() {
        return "%d lines: %d stored pairs, %d context records, %d partner memberships, %d regions and organisations with counts"
                .formatted(lines.size(), pairs, records, memberships, counted);
    }
}
