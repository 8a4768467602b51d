package org.partnernetz.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Paging through {@code collaborations} gives the pairs a computation from the base facts gives, in
 * order, for the whole network, regions and an organisation, with and without time windows: the
 * stored and ranked pairs (read in index order, with a window chunk by chunk) and the single-link
 * pairs (read from the facts) meet without a gap or a repeat. Random participations make pairs with
 * several links; the random seed is printed in a failure and can be set with {@code -Dpages.seed=}.
 */
@FullStackTest
class CollaborationPagesTests {

    private static final String MARK = "random-pages|";

    @Autowired
    NetworkQueries network;

    @Autowired
    CollaborationLinks links;

    @Autowired
    CollaborationDeriver collaborations;

    @Autowired
    Neo4jClient neo4j;

    /** Every link, as the base facts give them after the random changes. */
    private List<ContextFacts.Linked> everyLink;

    /** Whether a page that read its organisations whole showed one with a description. */
    private boolean describedWhenWhole;

    @AfterEach
    void removeTheChanges() {
        neo4j.query("MATCH ()-[r]->() WHERE r.key STARTS WITH $mark DELETE r").bind(MARK).to("mark").run();
        collaborations.rebuild("after-pages-" + System.nanoTime());
    }

    @Test
    void pagesFollowTheOrderTheBaseFactsGive() {
        long seed = Long.getLong("pages.seed", System.nanoTime());
        var random = new Random(seed);
        var organisations = keys("MATCH (n:Organisation) RETURN n.key AS key ORDER BY key").subList(0, 40);
        var undertakings = keys("MATCH (n) WHERE n:Project OR n:Event RETURN n.key AS key ORDER BY key");
        for (int i = 0; i < 400; i++) {
            neo4j.query("""
                    MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
                    CREATE (a)-[:PARTICIPATES_IN {key: $key, origin: 'api', role: 'PARTNER', basis: 'stated', sources: []}]->(b)
                    """).bind(organisations.get(random.nextInt(organisations.size()))).to("from")
                    .bind(undertakings.get(random.nextInt(undertakings.size()))).to("to").bind(MARK + i).to("key").run();
        }
        collaborations.rebuild("pages-" + seed);
        everyLink = links.inRegions(null);
        var stored = neo4j.query("MATCH (p:Collaboration) RETURN count(p) AS n").fetchAs(Long.class).one().orElse(0L);
        assertThat(stored).as("pairs with several links (random seed %d)", seed).isGreaterThan(60);

        var windows = new ArrayList<PartialDate[]>();
        windows.add(new PartialDate[] {null, null});
        windows.add(new PartialDate[] {PartialDate.parse("2016"), PartialDate.parse("2018")});
        windows.add(new PartialDate[] {PartialDate.parse("2021-03"), null});
        var regions = new ArrayList<String>();
        regions.add(null);
        regions.addAll(List.of("nrw", "rb-duesseldorf", "duesseldorf", "amr-region-koeln"));
        for (var region : regions) {
            for (var window : windows) {
                for (int size : "duesseldorf".equals(region) ? new int[] {1, 4} : new int[] {20, 100}) {
                    var paged = paged(region, null, window, size);
                    var expected = expected(region, null, window, linksFirst(size));
                    assertThat(paged).as("pages of %d in %s from %s to %s (random seed %d, rerun with -Dpages.seed=%d)",
                            size, region, window[0], window[1], seed, seed).isEqualTo(expected);
                }
            }
        }
        assertThat(describedWhenWhole).as("an organisation read whole shows its description").isTrue();
        for (var organisation : organisations.subList(0, 3)) {
            for (var window : windows) {
                assertThat(paged("nrw", organisation, window, 3)).as("pages of %s in nrw from %s to %s (random seed %d)",
                        organisation, window[0], window[1], seed).isEqualTo(expected("nrw", organisation, window, 3));
                assertThat(paged(null, organisation, window, 3)).isEqualTo(expected(null, organisation, window, 3));
            }
        }
    }

    /** Pages of 4 show no links; the others the first 3 of each pair's. */
    private static int linksFirst(int size) {
        return size == 4 ? 0 : 3;
    }

    /**
     * Every page, as "pairKey weight links" lines (the links shown, as kind and context), and the
     * total of each page checked against the count.
     */
    private List<String> paged(String region, String organisation, PartialDate[] window, int size) {
        var lines = new ArrayList<String>();
        int linksFirst = linksFirst(size);
        var expected = expected(region, organisation, window, linksFirst);
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            // Pages of 20 and 4 read the organisations and contexts by their names only, the others whole.
            boolean namesOnly = size == 20 || size == 4;
            var page = network.collaborations(region, organisation, window[0], window[1], PageRequest.of(size, cursor), true,
                    linksFirst, size != 4, size != 4, namesOnly).answer();
            page.edges().forEach(edge -> {
                lines.add(edge.node().organisationA().key() + "|" + edge.node().organisationB().key()
                        + " " + edge.node().weight() + " " + edge.node().links().stream()
                                .map(link -> link.kind() + ":" + link.through().key()).toList());
                assertThat(edge.node().organisationA().name()).isNotBlank();
                assertThat(edge.node().organisationB().name()).isNotBlank();
                assertThat(edge.node().links()).hasSize(Math.min(linksFirst, edge.node().weight()))
                        .allSatisfy(link -> assertThat(link.through().key()).isNotBlank());
                // Read by names only, an organisation has no description; read whole, it has the seed's.
                for (var shown : List.of(edge.node().organisationA(), edge.node().organisationB())) {
                    if (namesOnly) {
                        assertThat(shown.description()).as(shown.key()).isNull();
                    } else if (shown.description() != null) {
                        describedWhenWhole = true;
                    }
                }
            });
            assertThat(page.totalCount()).isEqualTo(expected.size());
            if (!page.pageInfo().hasNextPage()) {
                return lines;
            }
            cursor = page.pageInfo().endCursor();
        }
        throw new AssertionError("paging did not end");
    }

    /**
     * The pairs and weights from the facts of every context, strongest first, then by pair key, each
     * with its first {@code linksFirst} links in the scope and window by kind and context.
     */
    private List<String> expected(String region, String organisation, PartialDate[] window, int linksFirst) {
        Set<String> below = region == null ? null : Set.copyOf(keys("""
                MATCH (r:Region)-[:PART_OF*0..6]->(:Region {key: '%s'}) RETURN DISTINCT r.key AS key""".formatted(region)));
        long from = window[0] == null ? DerivedLink.OPEN_START : window[0].first().toEpochDay();
        long to = window[1] == null ? DerivedLink.OPEN_END : window[1].last().toEpochDay();
        var shown = new java.util.TreeMap<String, List<DerivedLink>>();
        for (var linked : everyLink) {
            var link = linked.link();
            if ((organisation == null || linked.a().equals(organisation) || linked.b().equals(organisation))
                    && (below == null || link.regions().stream().anyMatch(below::contains))
                    && link.startDay() <= to && link.endDay() >= from) {
                shown.computeIfAbsent(linked.pairKey(), k -> new ArrayList<>()).add(link);
            }
        }
        return shown.entrySet().stream()
                .sorted(java.util.Comparator.<java.util.Map.Entry<String, List<DerivedLink>>>comparingInt(e -> e.getValue().size())
                        .reversed().thenComparing(java.util.Map.Entry::getKey))
                .map(e -> e.getKey() + " " + e.getValue().size() + " " + e.getValue().stream()
                        .sorted(java.util.Comparator.comparing(DerivedLink::kind).thenComparing(DerivedLink::context))
                        .limit(linksFirst).map(link -> link.kind() + ":" + link.context()).toList())
                .toList();
    }

    private List<String> keys(String cypher) {
        return new ArrayList<>(neo4j.query(cypher).fetchAs(String.class).all());
    }
}
