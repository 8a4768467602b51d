package org.partnernetz.network;

import java.util.Collection;
import java.util.List;

import org.neo4j.driver.Driver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the derived partner membership in step with the base facts, so that {@code partners} reads
 * a page instead of collecting every match. An organisation is a partner in a region when it is
 * located or active there, or takes part in a project or event located or active there, or in a
 * region inside it: {@code (o)-[:PARTNER_IN {direct}]->(r)} for that region and every region above,
 * with {@code direct} true where the tie leads to the region itself. Each region counts its
 * partners ({@code partnerCount}, {@code directPartnerCount}), so {@code totalCount} is one read.
 *
 * <p>Two paths that must agree (a randomised test holds them equal): {@link #refresh} re-derives
 * what changed organisations touch, inside the caller's transaction; {@link #rebuild} derives
 * everything, batch by batch, for the import and for repair.
 */
@Component
public class PartnerDerivation {

    /** One organisation's memberships, from its ties; removes the ones it no longer has. */
    private static final String DERIVE_ONE = """
            WITH o, COLLECT {
                MATCH (o)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) RETURN r
                UNION
                MATCH (o)-[:PARTICIPATES_IN]->()-[:LOCATED_IN|ACTIVE_IN]->(r:Region) RETURN r
              } AS direct
            WITH o, direct, COLLECT { UNWIND direct AS d MATCH (d)-[:PART_OF*0..6]->(a:Region) RETURN DISTINCT a } AS above
            CALL (o, above) {
              MATCH (o)-[stale:PARTNER_IN]->(x) WHERE NOT x IN above
              DELETE stale
            }
            CALL (o, direct, above) {
              UNWIND above AS a
              MERGE (o)-[p:PARTNER_IN]->(a)
              SET p.direct = a IN direct
            }
            """;

    private static final String COUNT = """
            SET r.partnerCount = COUNT { (r)<-[:PARTNER_IN]-(:Organisation) },
                r.directPartnerCount = COUNT { (r)<-[:PARTNER_IN {direct: true}]-(:Organisation) }
            """;

    private final Neo4jClient neo4j;
    private final Driver driver;

    PartnerDerivation(Neo4jClient neo4j, Driver driver) {
        this.neo4j = neo4j;
        this.driver = driver;
    }

    /**
     * Re-derives the memberships of these organisations and the counts of every region they were or
     * are now partners in. Runs in the caller's transaction, so a change and its derived facts commit
     * together. A change to where a project or event is located or active touches its participants.
     */
    public void refresh(Collection<String> organisationKeys) {
        neo4j.query("""
                UNWIND $keys AS key
                MATCH (o:Entity {key: key}) WHERE o:Organisation
                WITH collect(o) AS organisations
                WITH organisations, COLLECT { UNWIND organisations AS o MATCH (o)-[:PARTNER_IN]->(r) RETURN DISTINCT r } AS before
                CALL (organisations) {
                  UNWIND organisations AS o
                  %s
                }
                WITH organisations, before
                WITH before + COLLECT { UNWIND organisations AS o MATCH (o)-[:PARTNER_IN]->(r) RETURN DISTINCT r } AS touched
                UNWIND touched AS r
                WITH DISTINCT r
                %s
                """.formatted(DERIVE_ONE, COUNT)).bind(List.copyOf(organisationKeys)).to("keys").run();
    }

    /** Derives every membership and count, batch by batch; must run outside any transaction. */
    public void rebuild() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (o:Organisation)
                    CALL (o) {
                      %s
                    } IN TRANSACTIONS OF 500 ROWS
                    """.formatted(DERIVE_ONE)).consume();
            session.run("""
                    MATCH (r:Region)
                    CALL (r) {
                      %s
                    } IN TRANSACTIONS OF 100 ROWS
                    """.formatted(COUNT)).consume();
        }
    }
}
