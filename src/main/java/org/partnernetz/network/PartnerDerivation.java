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
                MATCH (o)-[:LOCATED_IN|ACTIVE_IN]->(r:Region) WHERE o:Organisation RETURN r
                UNION
                MATCH (o)-[:PARTICIPATES_IN]->(c)-[:LOCATED_IN|ACTIVE_IN]->(r:Region)
                WHERE o:Organisation AND NOT c:Archived RETURN r
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
     * Re-derives the memberships of these organisations and adjusts the counts of every region they
     * were or are now partners in by what changed (a count over a large region's memberships would
     * read every one); an archived organisation is a partner nowhere. Runs in the caller's transaction, so a change and its derived facts commit
     * together. A change to where a project or event is located or active touches its participants.
     */
    public void refresh(Collection<String> organisationKeys) {
        var keys = List.copyOf(new java.util.TreeSet<>(organisationKeys));
        var before = new java.util.HashSet<Membership>();
        var after = new java.util.HashSet<Membership>();
        neo4j.query("""
                UNWIND $keys AS key
                MATCH (o:Entity {key: key}) WHERE o:Organisation OR o.archivedLabel = 'Organisation'
                WITH o, [(o)-[p:PARTNER_IN]->(r:Region) | [r.key, p.direct]] AS before
                CALL (o) {
                  %s
                }
                RETURN o.key AS key, before, [(o)-[p:PARTNER_IN]->(r:Region) | [r.key, p.direct]] AS after
                """.formatted(DERIVE_ONE)).bind(keys).to("keys").fetch().all().forEach(row -> {
            var organisation = (String) row.get("key");
            memberships(organisation, row.get("before"), before);
            memberships(organisation, row.get("after"), after);
        });
        var deltas = new java.util.TreeMap<String, int[]>();
        for (var membership : before) {
            if (!after.contains(membership)) {
                count(deltas, membership, -1);
            }
        }
        for (var membership : after) {
            if (!before.contains(membership)) {
                count(deltas, membership, 1);
            }
        }
        var rows = deltas.entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                .map(e -> java.util.Map.<String, Object>of("key", e.getKey(), "all", e.getValue()[0], "direct", e.getValue()[1]))
                .toList();
        // The first SET takes the region's write lock, so the counts read after it are the latest.
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (r:Entity {key: row.key}) WHERE r:Region
                SET r.partnerCountLock = true
                WITH r, row
                SET r.partnerCount = coalesce(r.partnerCount, 0) + row.all,
                    r.directPartnerCount = coalesce(r.directPartnerCount, 0) + row.direct
                REMOVE r.partnerCountLock
                """).bind(rows).to("rows").run();
    }

    /** One membership: organisation, region, and whether the tie leads to the region itself. */
    private record Membership(String organisation, String region, boolean direct) {
    }

    private static void memberships(String organisation, Object pairs, java.util.Set<Membership> into) {
        for (var pair : (List<?>) pairs) {
            var values = (List<?>) pair;
            into.add(new Membership(organisation, (String) values.get(0), Boolean.TRUE.equals(values.get(1))));
        }
    }

    /** Adds a membership's change to the counts: partners {all, direct}. */
    private static void count(java.util.Map<String, int[]> deltas, Membership membership, int change) {
        var counts = deltas.computeIfAbsent(membership.region(), k -> new int[2]);
        counts[0] += change;
        if (membership.direct()) {
            counts[1] += change;
        }
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
