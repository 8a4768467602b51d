package org.partnernetz.network;

import java.util.Collection;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the derived {@code :Collaboration} nodes in step with the base facts. Ranking collaborating
 * pairs per request is too slow at the scale of the whole NRW network, so each link between two
 * organisations (one shared project, event or council, or one funding) is stored once, tied to both
 * organisations, to what connects them and to the regions where that is located or active.
 *
 * <p>{@link #refresh} re-derives the links through what a change touches, in the caller's
 * transaction; a randomised test holds it equal to a rebuild. {@link #rebuild(String)} derives them
 * all from the base facts, one batch of projects, events and councils per transaction: at the full size of the network the links do not fit into one
 * transaction's memory. It is idempotent: links are merged by key and stamped with a generation;
 * links of another generation (whose base facts are gone) are removed at the end. Run it again
 * after a failure and the links are whole again.
 */
@Component
public class CollaborationDeriver {

    /**
     * The links through one project, event, council or funded organisation {@code c}, merged by key
     * and stamped with {@code $generation}; returns how many.
     */
    private static final String LINKS_THROUGH = """
              CALL (c) {
                MATCH (x:Organisation)-[rx:PARTICIPATES_IN]->(c)<-[ry:PARTICIPATES_IN]-(y:Organisation)
                WHERE x.key < y.key
                RETURN x, y, CASE WHEN c:Event THEN 'SAME_EVENT' ELSE 'SAME_PROJECT' END AS kind,
                       rx.role AS roleX, ry.role AS roleY, [rx, ry] AS facts
                UNION
                MATCH (x:Organisation)-[rx:MEMBER_OF]->(c)<-[ry:MEMBER_OF]-(y:Organisation)
                WHERE c.kind = 'COUNCIL' AND x.key < y.key
                RETURN x, y, 'SAME_COUNCIL' AS kind, 'MEMBER' AS roleX, 'MEMBER' AS roleY, [rx, ry] AS facts
                UNION
                MATCH (x:Organisation)-[rf:FUNDS]->(c:Organisation)
                RETURN x, c AS y, 'FUNDING' AS kind, 'FUNDER' AS roleX, 'FUNDED' AS roleY, [rf] AS facts
                UNION
                MATCH (x:Organisation)-[rf:FUNDS]->(c:Project)<-[ry:PARTICIPATES_IN]-(y:Organisation)
                WHERE x <> y
                RETURN x, y, 'FUNDING' AS kind, 'FUNDER' AS roleX, ry.role AS roleY, [rf, ry] AS facts
              }
              WITH c, kind, facts, x.key < y.key AS ordered, x, y, roleX, roleY
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
                   a.key + '|' + b.key + '|' + kind + '|' + c.key + '|' + coalesce(roleA, '') + '|' + coalesce(roleB, '') AS key,
                   reduce(acc = [], f IN facts | acc + [s IN f.sources WHERE NOT s IN acc]) AS sources,
                   CASE WHEN all(f IN facts WHERE f.basis = 'stated') THEN 'stated' ELSE 'inferred' END AS basis,
                   [(c)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) | r] AS regions
              MERGE (col:Collaboration {key: key})
              SET col.pairKey = a.key + '|' + b.key, col.kind = kind, col.roleA = roleA, col.roleB = roleB,
                  col.start = start.d, col.since = start.t, col.end = end.d, col.until = end.t,
                  col.sources = sources, col.basis = basis, col.generation = $generation
              MERGE (col)-[:BETWEEN {position: 'A'}]->(a)
              MERGE (col)-[:BETWEEN {position: 'B'}]->(b)
              MERGE (col)-[:THROUGH]->(c)
              FOREACH (r IN regions | MERGE (col)-[:IN_REGION]->(r))
              WITH col, regions
              CALL (col, regions) {
                MATCH (col)-[stale:IN_REGION]->(r) WHERE NOT r IN regions
                DELETE stale
              }
              RETURN count(col) AS links
            """;

    /** Everything a link can run through, and the links through each, batch by batch. */
    private static final String DERIVE = """
            MATCH (c:Entity)
            WHERE c:Project OR c:Event OR (c:Organisation AND (c.kind = 'COUNCIL' OR EXISTS { ()-[:FUNDS]->(c) }))
            CALL (c) {
            %s
            } IN TRANSACTIONS OF 200 ROWS
            RETURN sum(links) AS links
            """.formatted(LINKS_THROUGH);

    /** The links through the given contexts, and removal of those through them that no longer follow. */
    private static final String REFRESH = """
            UNWIND $keys AS key
            MATCH (c:Entity {key: key})
            CALL (c) {
            %s
            }
            WITH c
            MATCH (old:Collaboration)-[:THROUGH]->(c) WHERE old.generation <> $generation
            DETACH DELETE old
            """.formatted(LINKS_THROUGH);

    private static final String REMOVE_STALE = """
            MATCH (col:Collaboration) WHERE col.generation IS NULL OR col.generation <> $generation
            CALL (col) { DETACH DELETE col } IN TRANSACTIONS OF 10000 ROWS
            """;

    private final Driver driver;
    private final Neo4jClient neo4j;

    CollaborationDeriver(Driver driver, Neo4jClient neo4j) {
        this.driver = driver;
        this.neo4j = neo4j;
    }

    /**
     * Re-derives the links through these projects, events, councils or funded organisations (seed
     * keys), inside the caller's transaction, so a change and its derived links commit together. A
     * change to a participation, membership or funding touches the project, event, council or
     * funded body it points to; a change to where a project or event is touches that project or event.
     */
    public void refresh(Collection<String> contextKeys) {
        neo4j.query(REFRESH).bind(List.copyOf(contextKeys)).to("keys")
                .bind("refresh-" + java.util.UUID.randomUUID()).to("generation").run();
    }

    /**
     * Derives every collaboration link and returns how many there are. {@code generation} must be new
     * for every rebuild: links it does not stamp are stale and removed, and the base facts include
     * what the API wrote, not only the seed (the importer uses the seed's digest and a random part).
     * Must run outside any transaction: it commits batch by batch.
     */
    public int rebuild(String generation) {
        try (var session = driver.session()) {
            var parameters = Values.parameters("generation", generation);
            int links = session.run(DERIVE, parameters).single().get("links").asInt();
            session.run(REMOVE_STALE, parameters).consume();
            return links;
        }
    }
}
