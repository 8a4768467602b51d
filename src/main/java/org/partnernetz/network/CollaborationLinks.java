package org.partnernetz.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads the base facts of contexts (what {@link ContextFacts#IS_CONTEXT} holds for, as the rebuild
 * reads them; an archived project is none) and turns them into links by {@link ContextFacts#links()}: for
 * given contexts, for the contexts of some regions, for one organisation, or for given pairs. In the
 * caller's transaction. The derivation uses it for what a change touches; the reads use it for
 * pairs that are not stored (a single link) and for an organisation's pairs.
 */
@Component
class CollaborationLinks {

    private static final String THROUGH = """
            UNWIND $keys AS key
            MATCH (c:Entity {key: key})
            WHERE %s
            """.formatted(ContextFacts.IS_CONTEXT) + ContextFacts.COLUMNS;

    private static final String IN_REGIONS = """
            MATCH (r:Region) WHERE r.key IN $regions
            MATCH (c:Entity)-[:LOCATED_IN|ACTIVE_IN]->(r)
            WHERE %s
            WITH DISTINCT c
            """.formatted(ContextFacts.IS_CONTEXT) + ContextFacts.COLUMNS;

    /** An organisation's contexts: what it takes part in, is a member of or funds, and itself (as funded). */
    private static final String OF_ORGANISATION = """
            MATCH (o:Entity {key: $organisation})
            UNWIND COLLECT { MATCH (o)-[:PARTICIPATES_IN|MEMBER_OF|FUNDS]->(x) RETURN x } + [o] AS c
            WITH DISTINCT c
            WHERE %s
            """.formatted(ContextFacts.IS_CONTEXT) + ContextFacts.COLUMNS;

    /** The contexts two organisations share, and the two themselves (as funded). */
    private static final String OF_PAIRS = """
            UNWIND $pairs AS pair
            MATCH (x:Entity {key: pair[0]}), (y:Entity {key: pair[1]})
            UNWIND COLLECT { MATCH (x)-[:PARTICIPATES_IN|MEMBER_OF|FUNDS]->(s)<-[:PARTICIPATES_IN|MEMBER_OF|FUNDS]-(y) RETURN s } + [x, y] AS c
            WITH DISTINCT c
            WHERE %s
            """.formatted(ContextFacts.IS_CONTEXT) + ContextFacts.COLUMNS;

    private final Neo4jClient neo4j;

    CollaborationLinks(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The facts of the contexts with these seed keys (those that exist). */
    List<ContextFacts> facts(Collection<String> contextKeys) {
        return read(neo4j.query(THROUGH).bind(List.copyOf(contextKeys)).to("keys"));
    }

    /** Every link through a context located or active in one of these regions; everywhere when null. */
    List<ContextFacts.Linked> inRegions(Collection<String> regionKeys) {
        var query = regionKeys == null ? neo4j.query(ContextFacts.EVERY_CONTEXT)
                : neo4j.query(IN_REGIONS).bind(List.copyOf(regionKeys)).to("regions");
        return links(read(query));
    }

    /** Every link of one organisation. */
    List<ContextFacts.Linked> ofOrganisation(String organisationKey) {
        return links(read(neo4j.query(OF_ORGANISATION).bind(organisationKey).to("organisation"))).stream()
                .filter(l -> l.a().equals(organisationKey) || l.b().equals(organisationKey)).toList();
    }

    /** Every link of each of these pairs, by pair key. */
    Map<String, List<DerivedLink>> ofPairs(Collection<String> pairKeys) {
        var pairs = pairKeys.stream().map(k -> List.of(StoredPair.first(k), StoredPair.second(k)))
                .toList();
        var wanted = new java.util.HashSet<>(pairKeys);
        var byPair = new TreeMap<String, List<DerivedLink>>();
        for (var link : links(read(neo4j.query(OF_PAIRS).bind(pairs).to("pairs")))) {
            if (wanted.contains(link.pairKey())) {
                byPair.computeIfAbsent(link.pairKey(), k -> new ArrayList<>()).add(link.link());
            }
        }
        return byPair;
    }

    /** The links of these contexts, grouped by pair. */
    static Map<String, List<DerivedLink>> byPair(List<ContextFacts.Linked> links) {
        var byPair = new TreeMap<String, List<DerivedLink>>();
        links.forEach(l -> byPair.computeIfAbsent(l.pairKey(), k -> new ArrayList<>()).add(l.link()));
        return byPair;
    }

    private static List<ContextFacts.Linked> links(List<ContextFacts> facts) {
        var links = new ArrayList<ContextFacts.Linked>();
        facts.forEach(f -> links.addAll(f.links()));
        return links;
    }

    private static List<ContextFacts> read(Neo4jClient.RunnableSpec query) {
        return List.copyOf(query.fetchAs(ContextFacts.class).mappedBy((types, record) -> ContextFacts.from(record)).all());
    }
}
