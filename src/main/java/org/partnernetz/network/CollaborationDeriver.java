package org.partnernetz.network;

import java.util.List;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the derived {@code :Collaboration} nodes in step with the base facts. Ranking collaborating
 * pairs per request is too slow at the scale of the whole NRW network, so each link between two
 * organisations (one shared project, event or council, or one funding) is stored once, tied to both
 * organisations, to what connects them and to the regions where that is located or active.
 *
 * <p>{@link #rebuild()} derives them all from scratch and is idempotent: it merges by key, updates
 * what changed and removes links whose base facts are gone. It runs inside the caller's transaction.
 */
@Component
public class CollaborationDeriver {

    /** One row per link; {@code x}, {@code y} unordered, normalised below so that a.id < b.id. */
    private static final String DERIVE = """
            CALL () {
              MATCH (x:Organisation)-[rx:PARTICIPATES_IN]->(c)<-[ry:PARTICIPATES_IN]-(y:Organisation)
              WHERE x.id < y.id
              RETURN x, y, c, CASE WHEN c:Event THEN 'SAME_EVENT' ELSE 'SAME_PROJECT' END AS kind,
                     rx.role AS roleX, ry.role AS roleY, [rx, ry] AS facts
              UNION
              MATCH (x:Organisation)-[rx:MEMBER_OF]->(c:Organisation {kind: 'COUNCIL'})<-[ry:MEMBER_OF]-(y:Organisation)
              WHERE x.id < y.id
              RETURN x, y, c, 'SAME_COUNCIL' AS kind, 'MEMBER' AS roleX, 'MEMBER' AS roleY, [rx, ry] AS facts
              UNION
              MATCH (x:Organisation)-[rf:FUNDS]->(y:Organisation)
              RETURN x, y, y AS c, 'FUNDING' AS kind, 'FUNDER' AS roleX, 'FUNDED' AS roleY, [rf] AS facts
              UNION
              MATCH (x:Organisation)-[rf:FUNDS]->(c:Project)<-[ry:PARTICIPATES_IN]-(y:Organisation)
              WHERE x <> y
              RETURN x, y, c, 'FUNDING' AS kind, 'FUNDER' AS roleX, ry.role AS roleY, [rf, ry] AS facts
            }
            WITH c, kind, facts, x.id < y.id AS ordered, x, y, roleX, roleY
            WITH c, kind, facts,
                 CASE WHEN ordered THEN x ELSE y END AS a, CASE WHEN ordered THEN y ELSE x END AS b,
                 CASE WHEN ordered THEN roleX ELSE roleY END AS roleA,
                 CASE WHEN ordered THEN roleY ELSE roleX END AS roleB
            WITH a, b, c, kind, roleA, roleB, facts,
                 [s IN [{d: c.start, t: c.startText}] + [f IN facts | {d: f.start, t: f.startText}] WHERE s.d IS NOT NULL] AS starts,
                 [e IN [{d: c.end, t: c.endText}] + [f IN facts | {d: f.end, t: f.endText}] WHERE e.d IS NOT NULL] AS ends
            WITH a, b, c, kind, roleA, roleB, facts,
                 reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s.d > m.d THEN s ELSE m END) AS start,
                 reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e.d < m.d THEN e ELSE m END) AS end
            WITH a, b, c, kind, roleA, roleB, start, end,
                 a.id + '|' + b.id + '|' + kind + '|' + c.id + '|' + coalesce(roleA, '') + '|' + coalesce(roleB, '') AS key,
                 reduce(acc = [], f IN facts | acc + [s IN f.sources WHERE NOT s IN acc]) AS sources,
                 CASE WHEN all(f IN facts WHERE f.basis = 'stated') THEN 'stated' ELSE 'inferred' END AS basis,
                 [(c)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) | r] AS regions
            MERGE (col:Collaboration {key: key})
            SET col.pairKey = a.id + '|' + b.id, col.kind = kind, col.roleA = roleA, col.roleB = roleB,
                col.start = start.d, col.since = start.t, col.end = end.d, col.until = end.t,
                col.sources = sources, col.basis = basis
            MERGE (col)-[:BETWEEN {position: 'A'}]->(a)
            MERGE (col)-[:BETWEEN {position: 'B'}]->(b)
            MERGE (col)-[:THROUGH]->(c)
            FOREACH (r IN regions | MERGE (col)-[:IN_REGION]->(r))
            WITH col, regions
            CALL (col, regions) {
              MATCH (col)-[stale:IN_REGION]->(r) WHERE NOT r IN regions
              DELETE stale
            }
            RETURN collect(col.key) AS keys
            """;

    private final Neo4jClient neo4j;

    CollaborationDeriver(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Derives every collaboration link; returns how many there are. */
    public int rebuild() {
        List<String> keys = neo4j.query(DERIVE)
                .fetchAs(List.class).mappedBy((types, record) -> record.get("keys").asList(v -> v.asString()))
                .one().orElse(List.of());
        neo4j.query("MATCH (col:Collaboration) WHERE NOT col.key IN $keys DETACH DELETE col")
                .bind(keys).to("keys").run();
        return keys.size();
    }
}
