package org.partnernetz.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.Props;
import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.graphql.SortKey;
import org.partnernetz.organisation.Organisation;
import org.partnernetz.region.Region;
import org.partnernetz.relationship.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network questions: who is active in a region, and who collaborates with whom. Each answers a
 * whole page, ties and links included, in one query.
 */
@Component
@Transactional(readOnly = true)
class NetworkQueries {

    /**
     * Regions below a region: the hierarchy is at most six levels deep (state to venue). Ids are
     * looked up through {@code :Entity}, whose unique constraint gives the index.
     */
    private static final String REGIONS_BELOW = """
            CASE WHEN $includeSubregions
                 THEN COLLECT { MATCH (r:Region)-[:PART_OF*0..6]->(root) RETURN DISTINCT r }
                 ELSE [root] END""";

    /** Partners alphabetically, by name and then seed key. */
    private static final List<SortKey> PARTNER_ORDER = List.of(SortKey.ascending("o.sortName"), SortKey.ascending("o.key"));

    /** Pairs by strength: most links first, then by the pair's seed keys. */
    private static final List<SortKey> PAIR_ORDER = List.of(SortKey.descending("weight"), SortKey.ascending("pairKey"));

    /**
     * A page of partners as an index-ordered read: organisations in name order, each checked against
     * the derived membership ({@link PartnerDerivation}), until the page is full; the total is the
     * region's stored count (counted only when a kind filter applies). The region is resolved from
     * the client's reference in the same query (no row: no such region; a region without partners
     * has an empty page, collected in the subquery); the position condition is {@link SortKey#seek}.
     * Followed by {@link #SHOWN}, and then by {@link #TIES} when the request shows ties or by {@link #WITHOUT_TIES}.
     */
    private static final String PARTNERS = """
            %3$s
            CALL (root) {
              MATCH (o:Organisation)
              WHERE %2$s
                AND EXISTS { (o)-[p:PARTNER_IN]->(root) WHERE $includeSubregions OR p.direct }
                AND ($kinds IS NULL OR o.kind IN $kinds)
              WITH o ORDER BY o.sortName, o.key LIMIT $limit
              RETURN collect({o: o, position: [o.sortName, o.key]}) AS page
            }
            WITH root, %1$s AS total, page
            """;

    /** The page's organisations whole ({@code %s}: {@code o}) or by their names ({@link Nodes#NAMES_OF}), in order. */
    private static final String SHOWN = """
            CALL (page) {
              UNWIND page AS entry
              WITH entry.o AS o
              RETURN collect(%s) AS shown
            }
            """;

    private static final String WITHOUT_TIES = """
            RETURN total, shown, [e IN page | e.position] AS positions, [] AS regions, [] AS contexts, [] AS ties,
                   [] AS sources""";

    /**
     * The ties of the page's organisations, from the base facts: the regions in scope once, and for
     * each organisation how many ties it has and its first {@code $first} (by kind, region, project
     * or event, role; region and project or event by key); the regions and the projects and events
     * of those ties, whole ({@code %2$s}: {@code r}, {@code %3$s}: {@code x}) or by their names; and,
     * when the request shows them, the source documents those ties cite.
     */
    private static final String TIES = """
            WITH total, page, shown, %1$s AS regions
            CALL (page, regions) {
              UNWIND page AS entry
              WITH entry.o AS o, regions
              CALL (o, regions) {
                MATCH (o)-[rel:LOCATED_IN|ACTIVE_IN]->(r) WHERE r IN regions
                RETURN {kind: type(rel), region: r.key, rel: rel, through: null} AS tie, r, null AS x
                UNION
                MATCH (o)-[rel:PARTICIPATES_IN]->(x)-[:LOCATED_IN|ACTIVE_IN]->(r) WHERE r IN regions AND NOT x:Archived
                RETURN {kind: 'PARTICIPATES_IN', region: r.key, rel: rel, through: x.key} AS tie, r, x
              }
              WITH o, tie, r, x
              ORDER BY tie.kind, tie.region, coalesce(tie.through, ''), coalesce(tie.rel.role, '')
              WITH o, collect({tie: tie, r: r, x: x}) AS found
              RETURN collect({key: o.key, count: size(found), ties: [t IN found[..$first] | t.tie],
                              regions: [t IN found[..$first] | t.r],
                              contexts: [t IN found[..$first] WHERE t.x IS NOT NULL | t.x]}) AS ties
            }
            // Each node once; a projection straight in the aggregation (in a list it is several times slower).
            CALL (ties) {
              UNWIND ties AS of
              UNWIND of.regions AS r
              WITH DISTINCT r
              RETURN collect(%2$s) AS tieRegions
            }
            CALL (ties) {
              UNWIND ties AS of
              UNWIND of.contexts AS x
              WITH DISTINCT x
              RETURN collect(%3$s) AS contexts
            }
            CALL (ties) {
              UNWIND ties AS of
              UNWIND of.ties AS tie
              UNWIND CASE WHEN $withSources THEN coalesce(tie.rel.sources, []) ELSE [] END AS sourceKey
              WITH DISTINCT sourceKey
              MATCH (s:Entity {key: sourceKey}) WHERE s:Source
              RETURN collect(s) AS sources
            }
            RETURN total, shown, [e IN page | e.position] AS positions, tieRegions AS regions, contexts,
                   [of IN ties | {key: of.key, count: of.count, ties: of.ties}] AS ties, sources
            """;

    /**
     * A region's partner total: its stored count, or counted for a kind filter. Chosen in Java, not
     * by a {@code CASE} in Cypher: the planner runs a {@code COUNT} subquery in a {@code CASE}
     * branch whether or not that branch is taken (about 50 ms at NRW's 100k partners).
     */
    private static final String STORED_PARTNER_COUNT = """
            CASE WHEN $includeSubregions THEN coalesce(root.partnerCount, 0)
                 ELSE coalesce(root.directPartnerCount, 0) END""";

    private static final String PARTNER_COUNT_OF_KINDS = """
            COUNT { MATCH (o:Organisation)-[p:PARTNER_IN]->(root)
                    WHERE ($includeSubregions OR p.direct) AND o.kind IN $kinds }""";

    /**
     * Stored pairs in the order of one rank property ({@link StoredPair}), from a position on: the
     * first entries of that property's range index, read in order. Along with them, in the same
     * query, the nodes the page shows ({@code objects}): both organisations of its first
     * {@code $shown} pairs and, where asked for, the contexts and source documents of each pair's
     * first {@code $linksFirst} links in the scope ({@code $below}, all when null). A pair's links
     * are encoded kind first and context second, so their order as text is the page's order of links
     * by kind and context (see {@link #firstLinks}).
     */
    private static final String BY_RANK = """
            MATCH (p:Collaboration) WHERE p.`%1$s` > $position
            WITH p ORDER BY p.`%1$s` LIMIT $limit
            WITH collect(p) AS ranked
            """;

    /**
     * Stored pairs by key, in the order of {@code $keys}: a windowed page, once its pairs are chosen
     * ({@link #strongestStored}). With the nodes it shows, as {@link #BY_RANK}.
     */
    private static final String BY_KEYS = """
            UNWIND $keys AS key
            MATCH (p:Collaboration {pairKey: key})
            WITH collect(p) AS ranked
            """;

    /**
     * The rest of {@link #BY_RANK} and {@link #BY_KEYS}: for the first {@code $shown} of the
     * {@code ranked} pairs, their first {@code $linksFirst} links in the scope and window as text
     * ({@link #FIRST_LINKS}, or none: {@code %2$s}) and the nodes they show.
     */
    private static final String PAGE_OF_PAIRS = """
            CALL (ranked) {
              UNWIND ranked[..$shown] AS p
              %2$s
              RETURN collect({pairKey: p.pairKey, first: first}) AS firsts,
                     collect(split(p.pairKey, '|') + CASE WHEN $withContexts THEN [l IN first | split(l, '\\t')[1]] ELSE [] END)
                     AS named,
                     collect(CASE WHEN $withSources THEN reduce(keys = [], l IN first | keys + split(split(l, '\\t')[7], ','))
                             ELSE [] END) AS cited
            }
            // The organisations and contexts whole, or by their names (a projection straight in the
            // aggregation: in a CASE or a list it reads each property on its own, several times slower).
            CALL (named) {
              UNWIND named AS keys
              UNWIND keys AS key
              WITH DISTINCT key WHERE key <> ''
              MATCH (n:Entity {key: key})
              RETURN collect(%3$s) AS objects
            }
            CALL (cited) {
              UNWIND cited AS keys
              UNWIND keys AS key
              WITH DISTINCT key WHERE key <> ''
              MATCH (n:Entity {key: key})
              RETURN collect(n) AS sources
            }
            RETURN [p IN ranked | {pairKey: p.pairKey, rank: p.`%1$s`}] AS pairs, firsts, objects + sources AS objects
            """;

    /**
     * A pair's first {@code $linksFirst} links in the scope and window, in the order of their text:
     * kind first, context second, so by kind and context as the page shows them (links with the same
     * kind and context follow their text, where Java would follow their days). Each list is read
     * once, not once for each of its entries, and only when needed: the days ({@code %1$s},
     * {@code %2$s}) for a window, the regions ({@code %3$s}) when the pair has links outside the
     * scope; {@code %4$s}: the tests. The page's weights are not counted here: they are the rank's, or
     * counted in the window before ({@link #IN_WINDOW}).
     */
    private static final String FIRST_LINKS = """
            CALL (p) {
                WITH p, p.links AS links%1$s
                WITH links%2$s%3$s
                UNWIND range(0, size(links) - 1) AS i
                WITH links, i%4$s
                WITH links[i] AS link ORDER BY link LIMIT $linksFirst
                RETURN collect(link) AS first
            }""";

    private static final String WINDOW_LISTS = ", p.starts AS starts, p.ends AS ends";
    private static final String WINDOW_TEST = "starts[i] <= $to AND ends[i] >= $from";
    /**
     * A pair whose weight in the scope ({@code %s}) is its number of links has every link in it: its
     * regions are not read (null). A pair without them keeps no link.
     */
    private static final String SCOPE_LIST =
            ", CASE WHEN %s = size(links) THEN null ELSE coalesce(p.linkRegions, []) END AS regions";
    private static final String SCOPE_TEST = """
            (regions IS NULL OR CASE WHEN $everywhere THEN regions[i] <> ''
                                     ELSE any(k IN split(regions[i], ',') WHERE k IN $below) END)""";

    /**
     * The region a client names (resolved in the query: no row if it names none), its stored pair
     * count, and the keys of the regions inside it, itself included.
     */
    private static final String REGION_SCOPE = EntityQueries.matchReference(Label.Region, "root", "region") + """
            RETURN root.key AS key, coalesce(root.collaborationCount, 0) AS count,
                   COLLECT { MATCH (r:Region)-[:PART_OF*0..6]->(root) RETURN DISTINCT r.key } AS below,
                   COUNT { MATCH (r:Region) } AS regions
            """;

    /**
     * Nodes by key: the organisations and contexts ({@code $named}) whole ({@code %s}: {@code n}) or
     * by their names ({@link Nodes#NAMES_OF}), and the source documents ({@code $cited}) whole.
     */
    private static final String NODES = """
            UNWIND $named AS key MATCH (n:Entity {key: key}) RETURN key, %s AS n
            UNION ALL
            UNWIND $cited AS key MATCH (n:Entity {key: key}) RETURN key, n
            """;

    /**
     * The organisation a client names (resolved in the query: no row if it names none), its stored
     * pairs (first of the pair: a prefix of the key; or second) with their links and, for a window
     * ({@code %s}), their days, and its pair count.
     */
    private static final String STORED_OF_ORGANISATION = EntityQueries.matchReference(Label.Organisation, "o",
            "organisation") + """
            RETURN o.key AS key, coalesce(o.collaborationCount, 0) AS count,
                   COLLECT { MATCH (p:Collaboration) WHERE p.pairKey STARTS WITH o.key + '|'
                             RETURN p {.pairKey, .links%1$s}
                             UNION ALL
                             MATCH (p:Collaboration {b: o.key}) RETURN p {.pairKey, .links%1$s} } AS pairs
            """;

    /**
     * The same with only the strongest {@code $limit} stored pairs after a position on either side,
     * for a page of all the organisation's pairs at any time: index-ordered reads of the network's
     * rank among the pairs of each side ({@code a} or {@code b} and {@code rank}).
     */
    private static final String RANKED_OF_ORGANISATION = EntityQueries.matchReference(Label.Organisation, "o",
            "organisation") + """
            RETURN o.key AS key, coalesce(o.collaborationCount, 0) AS count,
                   COLLECT { MATCH (p:Collaboration) WHERE p.a = o.key AND p.rank > $position
                             WITH p ORDER BY p.rank LIMIT $limit RETURN p {.pairKey, .links} }
                   + COLLECT { MATCH (p:Collaboration) WHERE p.b = o.key AND p.rank > $position
                               WITH p ORDER BY p.rank LIMIT $limit RETURN p {.pairKey, .links} } AS pairs
            """;

    /** One pair as read, with the links the request shows. */
    private record Ranked(String pairKey, int weight, List<DerivedLink> shown, Position position) {
        Ranked(String pairKey, List<DerivedLink> shown) {
            this(pairKey, shown.size(), shown, null);
        }

        Ranked(String pairKey, int weight, List<DerivedLink> shown) {
            this(pairKey, weight, shown, null);
        }

        boolean after(Position position) {
            return position == null || weight() < position.weight()
                    || (weight() == position.weight() && pairKey.compareTo(position.pairKey()) > 0);
        }
    }

    private record Position(int weight, String pairKey) {
    }

    private static final java.util.Comparator<Ranked> STRONGEST_FIRST = java.util.Comparator
            .comparingInt(Ranked::weight).reversed().thenComparing(Ranked::pairKey);

    private final Neo4jClient neo4j;
    private final Nodes nodes;
    private final CollaborationLinks links;

    NetworkQueries(Neo4jClient neo4j, Nodes nodes, CollaborationLinks links) {
        this.neo4j = neo4j;
        this.nodes = nodes;
        this.links = links;
    }

    /**
     * A page of partners of the region a client names, each with its first {@code tiesFirst} ties
     * and the number of its ties, in one query; {@code withTies}: whether the request shows ties or
     * their number (if not, they are not read); {@code withSources}: whether it shows the ties'
     * source documents, which then come along ({@link Read#sources}); {@code namesOnly}: whether it
     * shows nothing of the organisations, regions and projects or events but their names
     * ({@link Nodes#NAMES}), which are then all that is read of them. NOT_FOUND if the reference
     * names no region.
     */
    Read<Connection<PartnerEdge>> partners(String region, boolean includeSubregions, List<String> kinds,
            PageRequest page, int tiesFirst, boolean withTies, boolean withSources, boolean namesOnly) {
        var parameters = new HashMap<String, Object>();
        parameters.put("region", EntityQueries.referenceValue(Label.Region, region, "region"));
        parameters.put("includeSubregions", includeSubregions);
        parameters.put("kinds", kinds);
        parameters.put("limit", page.limit());
        parameters.put("first", tiesFirst);
        parameters.put("withSources", withSources);
        SortKey.bindAfter("partners", PARTNER_ORDER, page, parameters);
        var cypher = PARTNERS.formatted(kinds == null ? STORED_PARTNER_COUNT : PARTNER_COUNT_OF_KINDS,
                SortKey.seek(PARTNER_ORDER, page), EntityQueries.matchReference(Label.Region, "root", "region"))
                + SHOWN.formatted(Nodes.shown("o", namesOnly))
                + (withTies ? TIES.formatted(REGIONS_BELOW, Nodes.shown("r", namesOnly),
                        Nodes.shown("x", namesOnly)) : WITHOUT_TIES);
        return neo4j.query(cypher).bindAll(parameters).fetchAs(Read.class).mappedBy((types, record) -> {
            var shown = record.get("shown").asList(Nodes::read);
            var positions = record.get("positions").asList(v -> v.asList(Value::asObject));
            var rows = new ArrayList<Connection.Row<Organisation>>();
            for (int i = 0; i < shown.size(); i++) {
                rows.add(new Connection.Row<>(Organisation.from(shown.get(i)), positions.get(i)));
            }
            var ties = ties(record);
            var connection = Connection.of("partners", rows, page, record.get("total").asInt(),
                    (Organisation organisation, String cursor) -> {
                        var of = ties.getOrDefault(organisation.key(), new Ties(List.of(), 0));
                        return new PartnerEdge(cursor, organisation, of.first(), of.count());
                    });
            return new Read<>(connection, record.get("sources").asList(Value::asNode));
        }).one().map(read -> {
            @SuppressWarnings("unchecked")
            var typed = (Read<Connection<PartnerEdge>>) read;
            return typed;
        }).orElseThrow(() -> EntityQueries.notFound(Label.Region, region));
    }

    /** What a query answered, and the source documents it read along with it for the request to show. */
    record Read<T>(T answer, List<Node> sources) {
    }

    /** Some of an organisation's ties and how many it has. */
    private record Ties(List<PartnerTie> first, int count) {
    }

    /** The ties of each organisation of a page to the region (or a region inside it), by organisation key. */
    private Map<String, Ties> ties(org.neo4j.driver.Record record) {
        var regions = new HashMap<String, Region>();
        record.get("regions").asList(Nodes::read).forEach(node -> {
            var region = Region.from(node);
            regions.put(region.key(), region);
        });
        var contexts = new HashMap<String, GraphObject>();
        record.get("contexts").asList(Nodes::read).forEach(node -> {
            var object = nodes.toObject(node);
            contexts.put(object.key(), object);
        });
        var ties = new HashMap<String, Ties>();
        record.get("ties").asList(Value::asMap).forEach(entry -> {
            var of = ((List<?>) entry.get("ties")).stream().map(tie -> (Map<?, ?>) tie)
                    .map(tie -> new PartnerTie((String) tie.get("kind"), regions.get((String) tie.get("region")),
                            contexts.get((String) tie.get("through")), Relationship.from(
                                    (org.neo4j.driver.types.Relationship) tie.get("rel"))))
                    .toList();
            ties.put((String) entry.get("key"), new Ties(of, ((Number) entry.get("count")).intValue()));
        });
        return ties;
    }

    /**
     * A page of collaborating pairs, strongest first. Pairs with two links or more in the scope are
     * stored and ranked ({@link StoredPair}); without a time window their page is the first entries
     * of the scope's rank index after the cursor. With a window, that index is read in order, a chunk
     * at a time, counting each pair's links in the window, until no pair further down can reach the
     * page ({@link #strongestStored}). Pairs with a single link in the scope come last, by pair key;
     * only a page that reaches them reads them from the base facts of the scope's contexts, as it
     * does for {@code totalCount} with a window ({@code countAll}). An organisation's stored pairs are
     * read (two index seeks: their keys, links and, for a window, days) and ranked in memory; its single-link pairs from the facts of its
     * contexts. {@code linksFirst}: how many links of each pair the request shows (their first, by
     * kind and context; 0: none); {@code withContexts}: whether it shows the
     * projects, events and councils they run through; {@code namesOnly}: whether it shows nothing of
     * the organisations and contexts but their names ({@link Nodes#NAMES}), which are then all that is
     * read of them; what it does not show is not read.
     */
    Read<Connection<Connection.Edge<Collaboration>>> collaborations(String region, String organisation,
            PartialDate from, PartialDate to, PageRequest page, boolean countAll, int linksFirst,
            boolean withContexts, boolean withSources, boolean namesOnly) {
        boolean withLinks = linksFirst > 0;
        var parameters = new HashMap<String, Object>();
        SortKey.bindAfter("collaborations", PAIR_ORDER, page, parameters);
        var position = position(parameters);
        long fromDay = from == null ? DerivedLink.OPEN_START : from.first().toEpochDay();
        long toDay = to == null ? DerivedLink.OPEN_END : to.last().toEpochDay();
        boolean windowed = from != null || to != null;
        var scope = region == null ? null
                : neo4j.query(REGION_SCOPE).bind(EntityQueries.referenceValue(Label.Region, region, "region")).to("region")
                        .fetch().one().orElseThrow(() -> EntityQueries.notFound(Label.Region, region));
        var regionKey = scope == null ? null : (String) scope.get("key");
        Set<String> below = scope == null ? null : Set.copyOf(strings(scope.get("below")));
        // A scope holding every region (NRW) needs no test of each link's regions, only that it has one.
        boolean everywhere = scope != null && below.size() >= ((Number) scope.get("regions")).intValue();
        List<Ranked> strongest;
        Map<String, Node> known = Map.of();
        java.util.function.Supplier<List<Ranked>> everyPair;
        Integer storedCount;
        if (organisation != null) {
            record Stored(String key, int count, List<Ranked> pairs) {
            }
            // Without a region or a window, the page is the strongest pairs in the network's rank.
            boolean ranked = below == null && !windowed;
            var stored = neo4j.query(ranked ? RANKED_OF_ORGANISATION
                            : STORED_OF_ORGANISATION.formatted(windowed ? ", .starts, .ends" : ""))
                    .bind(EntityQueries.referenceValue(Label.Organisation, organisation, "organisation")).to("organisation")
                    .bind(position == null ? "" : StoredPair.rank(position.weight(), position.pairKey())).to("position")
                    .bind(page.limit()).to("limit")
                    .fetchAs(Stored.class).mappedBy((types, record) ->
                            new Stored(record.get("key").asString(), record.get("count").asInt(), record.get("pairs").asList(v -> {
                                var pairKey = v.get("pairKey").asString();
                                var pairLinks = v.get("links").asList(Value::asString);
                                // Without a window the query reads no days: every link is open at both ends.
                                var starts = v.get("starts").isNull()
                                        ? java.util.Collections.nCopies(pairLinks.size(), DerivedLink.OPEN_START)
                                        : v.get("starts").asList(Value::asLong);
                                var ends = v.get("ends").isNull()
                                        ? java.util.Collections.nCopies(pairLinks.size(), DerivedLink.OPEN_END)
                                        : v.get("ends").asList(Value::asLong);
                                return new Ranked(pairKey, StoredPair.read(pairKey, pairLinks, starts, ends)
                                        .shown(below, fromDay, toDay));
                            }))).one().orElseThrow(() -> EntityQueries.notFound(Label.Organisation, organisation));
            var organisationKey = stored.key();
            strongest = stored.pairs().stream().filter(r -> r.weight() >= 2 && r.after(position))
                    .sorted(STRONGEST_FIRST).limit(page.limit()).toList();
            everyPair = () -> computed(links.ofOrganisation(organisationKey), below, fromDay, toDay);
            storedCount = ranked ? stored.count() : null;
        } else {
            var property = regionKey == null ? StoredPair.RANK : StoredPair.rankProperty(regionKey);
            var stored = strongestStored(property, below, everywhere, fromDay, toDay, windowed, position, page, linksFirst,
                    withContexts, withSources, namesOnly);
            strongest = stored.pairs();
            known = stored.objects();
            everyPair = () -> computed(links.inRegions(below), below, fromDay, toDay);
            storedCount = windowed ? null : scope != null ? ((Number) scope.get("count")).intValue()
                    : neo4j.query("MATCH (t:CollaborationTotal {id: 'all'}) RETURN t.count AS count")
                            .fetchAs(Integer.class).one().orElse(0);
        }
        // Single-link pairs follow the stored ones, by pair key; only a page that reaches them reads them.
        List<Ranked> all = null;
        var ranked = strongest;
        if (strongest.size() < page.limit()) {
            all = everyPair.get();
            ranked = concat(strongest, all.stream().filter(r -> r.weight() == 1 && r.after(position))
                    .limit(page.limit() - strongest.size()).toList());
        }
        int total = storedCount != null ? storedCount
                : countAll ? (all != null ? all : everyPair.get()).size() : -1;
        // The pair after the page only says that there is a next page: its objects are not read.
        var shown = ranked.subList(0, Math.min(ranked.size(), page.first()));
        var objects = objects(shown, linksFirst, withContexts, withSources, namesOnly, known);
        var rows = new ArrayList<Connection.Row<Collaboration>>();
        for (int i = 0; i < ranked.size(); i++) {
            var r = ranked.get(i);
            rows.add(new Connection.Row<>(i < shown.size() ? collaboration(r, linksFirst, objects) : null,
                    List.<Object>of((long) r.weight(), r.pairKey())));
        }
        var sources = objects.values().stream().filter(node -> node.hasLabel(Label.Source.name())).toList();
        return new Read<>(Connection.ofNodes("collaborations", rows, page, total), sources);
    }

    /** Pairs with their links in the regions (all when null) and window, strongest first. */
    private static List<Ranked> computed(List<ContextFacts.Linked> linked, Set<String> below, long from, long to) {
        var ranked = new ArrayList<Ranked>();
        CollaborationLinks.byPair(linked).forEach((pairKey, pairLinks) -> {
            var shown = StoredPair.shown(pairLinks, below, from, to);
            if (!shown.isEmpty()) {
                ranked.add(new Ranked(pairKey, shown));
            }
        });
        ranked.sort(STRONGEST_FIRST);
        return ranked;
    }

    /**
     * The strongest {@code limit} pairs after {@code position} with two links or more in the scope
     * and window. Without a window, the entries of the rank index after the cursor. With one, the
     * index is read in order, counting each entry's links in the window. An entry has at most as many
     * links in the window as in all, which its place in the index says; so once the page is full, only
     * entries up to the page's last pair can still reach it: with more links in all than it has in the
     * window, or as many and a pair key up to its key. The first read is five pages' worth (doubled
     * while the page is not full); once the page is full, the next read is exactly that range, in
     * chunks of up to 10,000 entries, and the page only grows stronger as they come.
     */
    private Strongest strongestStored(String property, Set<String> below, boolean everywhere, long from, long to,
            boolean windowed,
            Position position, PageRequest page, int linksFirst, boolean withContexts, boolean withSources,
            boolean namesOnly) {
        int limit = page.limit();
        boolean withLinks = linksFirst > 0;
        if (limit == 0 || (position != null && position.weight() < 2)) {
            return new Strongest(List.of(), Map.of());
        }
        if (!windowed) {
            var start = position == null ? "" : StoredPair.rank(position.weight(), position.pairKey());
            return byRank(property, start, limit, withLinks, below, everywhere, page.first(), linksFirst, withContexts,
                    withSources, namesOnly);
        }
        var best = new ArrayList<Ranked>();
        var start = "";
        String until = null;
        int chunk = 5 * limit;
        while (true) {
            var read = inWindow(property, start, until, chunk, below, everywhere, from, to);
            for (var entry : read) {
                if (entry.weight() >= 2 && entry.after(position)) {
                    best.add(entry);
                }
            }
            best.sort(STRONGEST_FIRST);
            if (best.size() > limit) {
                best.subList(limit, best.size()).clear();
            }
            if (read.size() < chunk) {
                return byKeys(best, property, withLinks, below, everywhere, from, to, page.first(), linksFirst,
                        withContexts, withSources, namesOnly);
            }
            var last = read.getLast();
            start = StoredPair.rank(last.position().weight(), last.pairKey());
            if (best.size() == limit) {
                var worst = best.getLast();
                int lastWeight = last.position().weight();
                if (worst.weight() > lastWeight || (worst.weight() == lastWeight
                        && worst.pairKey().compareTo(last.pairKey()) <= 0)) {
                    return byKeys(best, property, withLinks, below, everywhere, from, to, page.first(), linksFirst,
                            withContexts, withSources, namesOnly);
                }
                until = StoredPair.rank(worst.weight(), worst.pairKey());
                chunk = 10_000;
            } else {
                chunk = Math.min(2 * chunk, 10_000);
            }
        }
    }

    /**
     * Entries of a rank index from a position on (and up to {@code $until}, where given), with their
     * number of links in the window and scope, counted in the database from each link's days, so that
     * the links themselves are neither read nor sent. An entry whose weight in the index is its number
     * of links has every link in the scope, and its links' regions are not read; {@code position} is
     * each entry's place in the index (its weight in all).
     */
    private static final String IN_WINDOW = """
            MATCH (p:Collaboration) WHERE p.`%1$s` > $position %2$s
            WITH p ORDER BY p.`%1$s` LIMIT $limit
            WITH p, p.`%1$s` AS rank, p.starts AS starts, p.ends AS ends
            RETURN p.pairKey AS pairKey, rank,
                   CASE WHEN $below IS NULL OR %3$s = size(starts)
                        THEN size([i IN range(0, size(starts) - 1) WHERE starts[i] <= $to AND ends[i] >= $from])
                        ELSE size([i IN range(0, size(starts) - 1) WHERE starts[i] <= $to AND ends[i] >= $from
                                   AND CASE WHEN $everywhere THEN p.linkRegions[i] <> ''
                                            ELSE any(k IN split(p.linkRegions[i], ',') WHERE k IN $below) END])
                   END AS weight
            """;

    private List<Ranked> inWindow(String property, String start, String until, int limit, Set<String> below,
            boolean everywhere, long from, long to) {
        // Two texts, not "$until IS NULL OR ...": the planner seeks a range only with both bounds plain.
        var query = IN_WINDOW.formatted(property, until == null ? "" : "AND p.`%s` <= $until".formatted(property),
                StoredPair.weightOfInCypher("rank"));
        return neo4j.query(query).bind(start).to("position").bind(until).to("until").bind(limit).to("limit")
                .bind(from).to("from").bind(to).to("to").bind(below == null ? null : List.copyOf(below)).to("below")
                .bind(everywhere).to("everywhere").fetch().all().stream().map(row -> {
                    var rank = (String) row.get("rank");
                    var pairKey = (String) row.get("pairKey");
                    return new Ranked(pairKey, ((Number) row.get("weight")).intValue(), List.of(),
                            new Position(StoredPair.weightOf(rank), pairKey));
                }).toList();
    }

    /** A page's strongest stored pairs, and the nodes its query read along with them, by seed key. */
    private record Strongest(List<Ranked> pairs, Map<String, Node> objects) {
    }

    /**
     * The entries of a rank index ({@link #BY_RANK}), each with the weight its rank says; their links
     * only when {@code withLinks} (a page that shows no links needs none).
     */
    private Strongest byRank(String property, String start, int limit, boolean withLinks, Set<String> below,
            boolean everywhere, int shown, int linksFirst, boolean withContexts, boolean withSources, boolean namesOnly) {
        var query = neo4j.query(BY_RANK.formatted(property) + pageOfPairs(property, withLinks, false, below != null, namesOnly))
                .bind(start).to("position").bind(limit).to("limit");
        var read = pageOfPairs(query, below, everywhere, DerivedLink.OPEN_START, DerivedLink.OPEN_END, shown,
                linksFirst, withContexts, withSources);
        // Without a window, a pair's weight in the scope is its rank's.
        return new Strongest(read.entries().stream().map(entry -> new Ranked(entry.pairKey(),
                StoredPair.weightOf(entry.rank()), entry.first())).toList(), read.objects());
    }

    /** The chosen pairs of a windowed page, in their order ({@link #BY_KEYS}), with the nodes it shows. */
    private Strongest byKeys(List<Ranked> chosen, String property, boolean withLinks, Set<String> below,
            boolean everywhere, long from, long to, int shown, int linksFirst, boolean withContexts, boolean withSources,
            boolean namesOnly) {
        if (chosen.isEmpty()) {
            return new Strongest(List.of(), Map.of());
        }
        var query = neo4j.query(BY_KEYS + pageOfPairs(property, withLinks, true, below != null, namesOnly))
                .bind(chosen.stream().map(Ranked::pairKey).toList()).to("keys");
        var read = pageOfPairs(query, below, everywhere, from, to, shown, linksFirst, withContexts, withSources);
        // The weights are those counted in the window, not the pairs' weights in all.
        var first = new HashMap<String, List<DerivedLink>>();
        read.entries().forEach(entry -> first.put(entry.pairKey(), entry.first()));
        return new Strongest(chosen.stream().filter(r -> first.containsKey(r.pairKey()))
                .map(r -> new Ranked(r.pairKey(), r.weight(), first.get(r.pairKey()))).toList(), read.objects());
    }

    private static String pageOfPairs(String property, boolean withLinks, boolean windowed, boolean scoped,
            boolean namesOnly) {
        var firstLinks = "WITH p, [] AS first";
        if (withLinks) {
            var tests = new ArrayList<String>();
            if (windowed) {
                tests.add(WINDOW_TEST);
            }
            if (scoped) {
                tests.add(SCOPE_TEST);
            }
            firstLinks = FIRST_LINKS.formatted(windowed ? WINDOW_LISTS : "", windowed ? ", starts, ends" : "",
                    scoped ? SCOPE_LIST.formatted(StoredPair.weightOfInCypher("p.`%s`".formatted(property))) : "",
                    tests.isEmpty() ? "" : " WHERE " + String.join(" AND ", tests));
        }
        return PAGE_OF_PAIRS.formatted(property, firstLinks, Nodes.shown("n", namesOnly));
    }

    /** A page's pairs as its query read them: each with its rank and, for the pairs shown, their first links. */
    private record PageOfPairs(List<PageEntry> entries, Map<String, Node> objects) {
    }

    /** {@code first}: the links the page shows of the pair (none for the pair after the page). */
    private record PageEntry(String pairKey, String rank, List<DerivedLink> first) {
    }

    private PageOfPairs pageOfPairs(Neo4jClient.RunnableSpec query, Set<String> below, boolean everywhere, long from,
            long to, int shown, int linksFirst, boolean withContexts, boolean withSources) {
        var objects = new HashMap<String, Node>();
        var entries = new ArrayList<PageEntry>();
        query.bind(shown).to("shown").bind(linksFirst).to("linksFirst").bind(withContexts).to("withContexts")
                .bind(withSources).to("withSources").bind(below == null ? null : List.copyOf(below)).to("below")
                .bind(everywhere).to("everywhere")
                .bind(from).to("from").bind(to).to("to")
                .fetchAs(Void.class).mappedBy((types, record) -> {
                    var firsts = new HashMap<String, List<DerivedLink>>();
                    // Their days are not needed: the query kept the links in the window.
                    record.get("firsts").asList(v -> v).forEach(v -> firsts.put(v.get("pairKey").asString(),
                            v.get("first").asList(link -> DerivedLink.decode(link.asString(), DerivedLink.OPEN_START,
                                    DerivedLink.OPEN_END))));
                    record.get("pairs").asList(Value::asMap).forEach(pair -> entries.add(new PageEntry(
                            (String) pair.get("pairKey"), (String) pair.get("rank"),
                            firsts.getOrDefault((String) pair.get("pairKey"), List.of()))));
                    record.get("objects").asList(Nodes::read)
                            .forEach(node -> objects.put(node.get("key").asString(), node));
                    return null;
                }).one();
        return new PageOfPairs(entries, objects);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<T>(first);
        all.addAll(second);
        return all;
    }

    /** The cursor's position; a cursor of this list whose values are not a weight and a pair key is refused. */
    private static Position position(Map<String, Object> parameters) {
        var weight = parameters.get("after0");
        var pairKey = parameters.get("after1");
        if (weight == null) {
            return null;
        }
        if (!(weight instanceof Number number) || !(pairKey instanceof String key)) {
            throw new BadRequestException("The cursor is not one of this list; use a cursor the same list returned");
        }
        return new Position(number.intValue(), key);
    }

    /**
     * The organisations of the page, and the contexts and source documents of the links it shows
     * where it shows them, by seed key: those the page's query read already ({@code known}), and the
     * others in one read (none when the page's query read them all).
     */
    private Map<String, Node> objects(List<Ranked> ranked, int linksFirst, boolean withContexts, boolean withSources,
            boolean namesOnly, Map<String, Node> known) {
        var named = new java.util.TreeSet<String>();
        var cited = new java.util.TreeSet<String>();
        for (var r : ranked) {
            named.add(StoredPair.first(r.pairKey()));
            named.add(StoredPair.second(r.pairKey()));
            if (withContexts || withSources) {
                for (var link : firstLinks(r, linksFirst)) {
                    if (withContexts) {
                        named.add(link.context());
                    }
                    if (withSources) {
                        cited.addAll(link.sources());
                    }
                }
            }
        }
        var objects = new HashMap<String, Node>(known);
        named.removeAll(known.keySet());
        cited.removeAll(known.keySet());
        if (!named.isEmpty() || !cited.isEmpty()) {
            // The source documents whole: the request's source loader is primed with them.
            neo4j.query(NODES.formatted(Nodes.shown("n", namesOnly)))
                    .bind(List.copyOf(named)).to("named").bind(List.copyOf(cited)).to("cited").fetchAs(Void.class)
                    .mappedBy((types, record) -> {
                        objects.put(record.get("key").asString(), Nodes.read(record.get("n")));
                        return null;
                    }).all();
        }
        return objects;
    }

    /** The first {@code count} of a pair's links in the window and scope, by kind and then context. */
    private static List<DerivedLink> firstLinks(Ranked ranked, int count) {
        return ranked.shown().stream().sorted(java.util.Comparator.comparing(DerivedLink::kind)
                .thenComparing(DerivedLink::context)).limit(count).toList();
    }

    private Collaboration collaboration(Ranked ranked, int linksFirst, Map<String, Node> objects) {
        var links = new ArrayList<CollaborationLink>();
        for (var link : firstLinks(ranked, linksFirst)) {
            var context = objects.get(link.context());
            links.add(new CollaborationLink(link.kind(), context == null ? null : nodes.toObject(context), link.roleA(),
                    link.roleB(), link.since(), link.until(), link.basis().toUpperCase(Locale.ROOT), link.sources()));
        }
        var pairKey = ranked.pairKey();
        return new Collaboration(Organisation.from(objects.get(StoredPair.first(pairKey))),
                Organisation.from(objects.get(StoredPair.second(pairKey))), ranked.weight(),
                List.copyOf(links));
    }

    /**
     * For each set of organisations (by seed key), the pairs among them that collaborate, strongest
     * first, at most {@code first} each, every link with its context: two reads for all the sets.
     */
    List<List<Collaboration>> among(List<List<String>> organisationSets, int first) {
        var pairKeys = new java.util.TreeSet<String>();
        var pairsOfSet = new ArrayList<List<String>>();
        for (var set : organisationSets) {
            var keys = set.stream().distinct().sorted().toList();
            var pairs = new ArrayList<String>();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    pairs.add(StoredPair.pairKey(keys.get(i), keys.get(j)));
                }
            }
            pairKeys.addAll(pairs);
            pairsOfSet.add(pairs);
        }
        Map<String, List<DerivedLink>> byPair = pairKeys.isEmpty() ? Map.of() : links.ofPairs(pairKeys);
        var rankedOfSet = pairsOfSet.stream().map(pairs -> pairs.stream().filter(byPair::containsKey)
                .map(pairKey -> new Ranked(pairKey, byPair.get(pairKey))).sorted(STRONGEST_FIRST).limit(first).toList())
                .toList();
        var objects = objects(rankedOfSet.stream().flatMap(List::stream).toList(), MAX_LINKS, true, false, false, Map.of());
        return rankedOfSet.stream().map(ranked -> ranked.stream()
                .map(r -> collaboration(r, MAX_LINKS, objects)).toList()).toList();
    }

    /** The most links a pair shows ({@code Collaboration.links(first:)} takes its head). */
    private static final int MAX_LINKS = 100;

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : List.copyOf((java.util.Collection<String>) value);
    }

}
