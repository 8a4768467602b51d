package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The check behind {@code --partnernetz.check-derived}: the derived facts of the seeded graph equal a
 * full rebuild (though the rebuild stamps a new generation), and one derived value changed in the
 * graph, of any kind the derivations write, makes it say no and name the difference; the check's
 * rebuild repairs it.
 */
@FullStackTest
class DerivedFactsCheckTests {

    @Autowired
    DerivedFactsCheck check;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void theSeededGraphEqualsARebuildAndEveryKindOfCorruptedValueShows() {
        var seeded = check.check();
        assertThat(seeded.report()).as(String.join("\n", seeded.report()))
                .contains("derived facts equal a full rebuild: yes");
        assertThat(seeded.before().pairs()).isPositive();
        assertThat(seeded.before().records()).isPositive();
        assertThat(seeded.before().memberships()).isPositive();
        assertThat(seeded.before().counted()).isPositive();
        assertThat(seeded.onlyBefore()).isEmpty();
        assertThat(seeded.onlyAfter()).isEmpty();

        var pair = neo4j.query("MATCH (p:Collaboration) RETURN p.pairKey ORDER BY p.pairKey LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
        var organisation = StoredPair.first(pair);
        var member = neo4j.query("""
                MATCH (o:Organisation)-[:PARTNER_IN {direct: true}]->(:Region) RETURN o.key ORDER BY o.key LIMIT 1""")
                .fetchAs(String.class).one().orElseThrow();
        assertCaught("MATCH (p:Collaboration {pairKey: $key}) SET p.links = p.links[1..]", pair, "Collaboration");
        assertCaught("MATCH (p:Collaboration {pairKey: $key}) SET p.rank = '000000|' + p.pairKey", pair, "Collaboration");
        assertCaught("MATCH (p:Collaboration {pairKey: $key}) DETACH DELETE p", pair, "Collaboration");
        assertCaught("MATCH (r:Region {key: $key}) SET r.partnerCount = r.partnerCount + 1", "nrw", "counts");
        assertCaught("MATCH (r:Region {key: $key}) SET r.directPartnerCount = 0", "nrw", "counts");
        assertCaught("MATCH (o:Organisation {key: $key}) SET o.collaborationCount = o.collaborationCount + 1",
                organisation, "counts");
        assertCaught("MATCH (:Organisation {key: $key})-[m:PARTNER_IN {direct: true}]->() WITH m LIMIT 1 SET m.direct = false",
                member, "PARTNER_IN");
        assertCaught("MATCH (:Organisation {key: $key})-[m:PARTNER_IN]->() WITH m LIMIT 1 DELETE m", member, "PARTNER_IN");
        var context = neo4j.query("MATCH (c:CollaborationRecord) RETURN c.key ORDER BY c.key LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
        assertCaught("MATCH (c:CollaborationRecord {key: $key}) SET c.regions = c.regions + 'nrw'", context,
                "CollaborationRecord");
        assertCaught("MATCH (t:CollaborationTotal {id: $key}) SET t.count = t.count - 1", "all", "CollaborationTotal");

        var repaired = check.check();
        assertThat(repaired.equal()).isTrue();
        assertThat(repaired.before().digest()).isEqualTo(seeded.before().digest());
    }

    /**
     * Corrupts the graph with {@code cypher} (given {@code $key}), and expects the check to say no,
     * with a difference of this kind ({@code Collaboration}, {@code counts} ...) that names the key.
     */
    private void assertCaught(String cypher, String key, String kind) {
        neo4j.query(cypher).bind(key).to("key").run();
        var result = check.check();
        var report = String.join("\n", result.report());
        assertThat(result.equal()).as(report).isFalse();
        assertThat(result.report()).as(report).contains("derived facts equal a full rebuild: no");
        assertThat(result.before().digest()).isNotEqualTo(result.after().digest());
        assertThat(java.util.stream.Stream.concat(result.onlyBefore().stream(), result.onlyAfter().stream())
                .anyMatch(line -> line.startsWith(kind + " ") && line.contains(key))).as(report).isTrue();
        assertThat(report).containsPattern("(?m)^[-+] " + kind + " ");
    }
}
