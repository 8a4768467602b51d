package org.partnernetz.editing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.partnernetz.graph.RelType;
import org.partnernetz.seed.EntryRules;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Moves a merged duplicate's ties to the survivor. Each tie keeps its facts and gets the key it
 * would have had from the start ({@code TYPE|from|to|role} with the survivor's key); a tie the
 * survivor already has keeps the survivor's facts and gains the duplicate's sources. Ties between
 * the two go with the duplicate. Derived ties ({@code PARTNER_IN}) are not moved: they are derived
 * again afterwards.
 */
final class TieMove {

    /** The stated ties and those the seed's entries imply (mentions, a milestone's project, a figure's subject). */
    private static final List<String> TYPES = Stream.concat(Stream.of(RelType.values()).map(Enum::name),
            Stream.of("MENTIONS", "MILESTONE_OF", "COUNTED_IN", "ABOUT")).toList();

    private final Neo4jClient neo4j;

    TieMove(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Moves every tie of {@code duplicate} to {@code survivor}, in one query per type of tie; for
     * documents, their citations too.
     * Returns the contexts whose ties cite a moved document: their collaboration links name it.
     */
    List<String> move(String duplicate, String survivor, boolean document) {
        var ties = neo4j.query("""
                MATCH (d:Entity {key: $duplicate})-[r]-(other:Entity)
                WHERE type(r) IN $types AND other.key <> $survivor AND other.key <> $duplicate
                RETURN elementId(r) AS id, type(r) AS type, startNode(r) = d AS outgoing, other.key AS other,
                       properties(r) AS properties""")
                .bind(duplicate).to("duplicate").bind(survivor).to("survivor").bind(TYPES).to("types")
                .fetch().all();
        var rowsByType = new java.util.TreeMap<String, java.util.List<Map<String, Object>>>();
        for (var tie : ties) {
            boolean outgoing = Boolean.TRUE.equals(tie.get("outgoing"));
            @SuppressWarnings("unchecked")
            var properties = new HashMap<String, Object>((Map<String, Object>) tie.get("properties"));
            properties.put("key", EntryRules.rekey((String) properties.get("key"), duplicate, survivor));
            if (document) {
                properties.put("sources", replaced(properties.get("sources"), duplicate, survivor));
            }
            rowsByType.computeIfAbsent((String) tie.get("type"), type -> new java.util.ArrayList<>()).add(Map.of(
                    "id", tie.get("id"),
                    "from", outgoing ? survivor : tie.get("other"),
                    "to", outgoing ? tie.get("other") : survivor,
                    "properties", properties));
        }
        // One query per type, whatever the number of ties. The type was read from the graph and is
        // one of TYPES, so it may stand in the query text.
        rowsByType.forEach((type, rows) -> neo4j.query("""
                UNWIND $rows AS row
                MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to})
                OPTIONAL MATCH (a)-[existing:%1$s {key: row.properties.key}]->(b)
                CALL (a, b, existing, row) {
                  WITH * WHERE existing IS NULL
                  // A tie of this key removed before has revisions; the moved one goes on after them.
                  OPTIONAL MATCH (earlier:Revision {entityKey: row.properties.key})
                  WITH a, b, row, coalesce(max(earlier.version), 0) AS last
                  CREATE (a)-[r:%1$s]->(b)
                  SET r = row.properties,
                      r.version = CASE WHEN last > coalesce(row.properties.version, 1) THEN last
                                       ELSE coalesce(row.properties.version, 1) END
                }
                CALL (existing, row) {
                  WITH * WHERE existing IS NOT NULL
                  SET existing.sources = reduce(all = coalesce(existing.sources, []), s IN coalesce(row.properties.sources, [])
                                                | CASE WHEN s IN all THEN all ELSE all + s END)
                }
                WITH row
                MATCH ()-[old]->() WHERE elementId(old) = row.id
                DELETE old""".formatted(type))
                .bind(rows).to("rows").run());
        var citing = !document ? List.<String>of() : neo4j.query("""
                MATCH (:Organisation)-[r:PARTICIPATES_IN|MEMBER_OF|FUNDS]->(c:Entity) WHERE $duplicate IN r.sources
                RETURN DISTINCT c.key""").bind(duplicate).to("duplicate").fetchAs(String.class).all().stream().toList();
        if (document) {
            // Facts anywhere that cite the duplicate document now cite the survivor.
            neo4j.query("""
                    MATCH ()-[r]->() WHERE $duplicate IN r.sources
                    SET r.sources = reduce(all = [], s IN r.sources
                        | CASE WHEN (CASE s WHEN $duplicate THEN $survivor ELSE s END) IN all THEN all
                               ELSE all + (CASE s WHEN $duplicate THEN $survivor ELSE s END) END)""")
                    .bind(duplicate).to("duplicate").bind(survivor).to("survivor").run();
            neo4j.query("""
                    MATCH (o:Organisation) WHERE $duplicate IN o.identitySources
                    SET o.identitySources = reduce(all = [], s IN o.identitySources
                        | CASE WHEN (CASE s WHEN $duplicate THEN $survivor ELSE s END) IN all THEN all
                               ELSE all + (CASE s WHEN $duplicate THEN $survivor ELSE s END) END)""")
                    .bind(duplicate).to("duplicate").bind(survivor).to("survivor").run();
        }
        return citing;
    }

    private static List<String> replaced(Object sources, String duplicate, String survivor) {
        var result = new LinkedHashSet<String>();
        if (sources instanceof List<?> list) {
            list.forEach(source -> result.add(duplicate.equals(source) ? survivor : String.valueOf(source)));
        }
        return List.copyOf(result);
    }
}
