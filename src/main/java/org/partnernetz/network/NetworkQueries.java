package org.partnernetz.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.neo4j.driver.Value;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graph.Props;
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

    private static final String REGIONS = """
            MATCH (root:Entity {key: $region}) WHERE root:Region
            WITH %s AS regions
            """.formatted(REGIONS_BELOW);

    /** Partners alphabetically, by name and then seed key. */
    private static final List<SortKey> PARTNER_ORDER = List.of(SortKey.ascending("o.sortName"), SortKey.ascending("o.key"));

    /** Pairs by strength: most links first, then by the pair's seed keys. */
    private static final List<SortKey> PAIR_ORDER = List.of(SortKey.descending("size(links)"), SortKey.ascending("pairKey"));

    /**
     * A page of partners as an index-ordered read: organisations in name order, each checked against
     * the derived membership ({@link PartnerDerivation}), until the page is full; the total is the
     * region's stored count (counted only when a kind filter applies). The ties of the page's
     * organisations are then read from the base facts. The position condition is
     * {@link SortKey#seek}.
     */
    private static final String PARTNERS = """
            MATCH (root:Entity {key: $region}) WHERE root:Region
            WITH root,
                 CASE WHEN $kinds IS NULL
                      THEN CASE WHEN $includeSubregions THEN coalesce(root.partnerCount, 0)
                                ELSE coalesce(root.directPartnerCount, 0) END
                      ELSE COUNT { MATCH (o:Organisation)-[p:PARTNER_IN]->(root)
                                   WHERE ($includeSubregions OR p.direct) AND o.kind IN $kinds } END AS total,
                 %s AS regions
            CALL (root, regions) {
              CALL (root) {
                MATCH (o:Organisation)
                WHERE %%s
                  AND EXISTS { (o)-[p:PARTNER_IN]->(root) WHERE $includeSubregions OR p.direct }
                  AND ($kinds IS NULL OR o.kind IN $kinds)
                RETURN o ORDER BY o.sortName, o.key LIMIT $limit
              }
              CALL (o, regions) {
                MATCH (o)-[rel:LOCATED_IN|ACTIVE_IN]->(r) WHERE r IN regions
                RETURN {kind: type(rel), region: r, rel: rel, through: null} AS tie
                UNION
                MATCH (o)-[rel:PARTICIPATES_IN]->(x)-[:LOCATED_IN|ACTIVE_IN]->(r) WHERE r IN regions
                RETURN {kind: 'PARTICIPATES_IN', region: r, rel: rel, through: x} AS tie
              }
              WITH o, collect(DISTINCT tie) AS ties
              ORDER BY o.sortName, o.key
              RETURN collect({o: o, ties: ties, key: [o.sortName, o.key]}) AS page
            }
            RETURN total, page
            """.formatted(REGIONS_BELOW);

    private static final String COLLABORATIONS = """
            CALL () {
              %%s
            }
            WITH DISTINCT col
            WHERE ($from IS NULL OR col.end IS NULL OR col.end >= $from)
              AND ($to IS NULL OR col.start IS NULL OR col.start <= $to)
            WITH col.pairKey AS pairKey, collect(col) AS links
            WITH links, %s AS key ORDER BY %s
            WITH collect({key: key, links: links}) AS ranked
            RETURN size(ranked) AS total, [pair IN [x IN ranked WHERE %s][0..$limit] | {key: pair.key, links: [l IN pair.links | {
              link: l,
              through: head([(l)-[:THROUGH]->(t) | t]),
              a: head([(l)-[:BETWEEN {position: 'A'}]->(a) | a]),
              b: head([(l)-[:BETWEEN {position: 'B'}]->(b) | b])
            }]}] AS page
            """.formatted(SortKey.values(PAIR_ORDER), SortKey.orderBy(PAIR_ORDER, "key"), SortKey.after(PAIR_ORDER, "x.key"));

    private static final String IN_REGION = REGIONS + """
            UNWIND regions AS r
            MATCH (col:Collaboration)-[:IN_REGION]->(r)
            %s
            RETURN col
            """;

    private static final String OF_ORGANISATION = """
            MATCH (organisation:Entity {key: $organisation})<-[:BETWEEN]-(col:Collaboration)
            RETURN col
            """;

    private static final String ALL = "MATCH (col:Collaboration) RETURN col";

    private final Neo4jClient neo4j;
    private final Nodes nodes;

    NetworkQueries(Neo4jClient neo4j, Nodes nodes) {
        this.neo4j = neo4j;
        this.nodes = nodes;
    }

    Connection<PartnerEdge> partners(String regionKey, boolean includeSubregions, List<String> kinds, PageRequest page) {
        var parameters = new HashMap<String, Object>();
        parameters.put("region", regionKey);
        parameters.put("includeSubregions", includeSubregions);
        parameters.put("kinds", kinds);
        parameters.put("limit", page.limit());
        SortKey.bindAfter("partners", PARTNER_ORDER, page, parameters);
        record Row(Organisation organisation, List<PartnerTie> ties) {
        }
        record Result(int total, List<Connection.Row<Row>> rows) {
        }
        var cypher = PARTNERS.formatted(SortKey.seek(PARTNER_ORDER, page));
        var result = neo4j.query(cypher).bindAll(parameters)
                .fetchAs(Result.class)
                .mappedBy((types, record) -> new Result(record.get("total").asInt(), record.get("page").asList(
                        v -> new Connection.Row<>(new Row(Organisation.from(v.get("o").asNode()),
                                sorted(v.get("ties").asList(this::tie))), v.get("key").asList(Value::asObject)))))
                .one().orElse(new Result(0, List.of()));
        return Connection.of("partners", result.rows(), page, result.total(),
                (row, cursor) -> new PartnerEdge(cursor, row.organisation(), row.ties()));
    }

    Connection<Connection.Edge<Collaboration>> collaborations(String regionKey, String organisationKey,
            PartialDate from, PartialDate to, PageRequest page) {
        String selection;
        if (regionKey != null) {
            selection = IN_REGION.formatted(organisationKey == null ? ""
                    : "MATCH (col)-[:BETWEEN]->(:Entity {key: $organisation})");
        } else if (organisationKey != null) {
            selection = OF_ORGANISATION;
        } else {
            selection = ALL;
        }
        var parameters = new HashMap<String, Object>();
        parameters.put("region", regionKey);
        parameters.put("includeSubregions", true);
        parameters.put("organisation", organisationKey);
        parameters.put("from", from == null ? null : from.first());
        parameters.put("to", to == null ? null : to.last());
        parameters.put("limit", page.limit());
        SortKey.bindAfter("collaborations", PAIR_ORDER, page, parameters);
        record Result(int total, List<Connection.Row<Collaboration>> pairs) {
        }
        var result = neo4j.query(COLLABORATIONS.formatted(selection)).bindAll(parameters)
                .fetchAs(Result.class)
                .mappedBy((types, record) -> new Result(record.get("total").asInt(),
                        record.get("page").asList(pair -> new Connection.Row<>(collaboration(pair.get("links")),
                                pair.get("key").asList(Value::asObject)))))
                .one().orElse(new Result(0, List.of()));
        return Connection.ofNodes("collaborations", result.pairs(), page, result.total());
    }

    /** Ties in a stable order: by kind, then region, then the project or event they run through. */
    private static List<PartnerTie> sorted(List<PartnerTie> ties) {
        return ties.stream().sorted(java.util.Comparator.comparing(PartnerTie::kind)
                .thenComparing(tie -> tie.region().key())
                .thenComparing(tie -> tie.through() == null ? "" : tie.through().key())
                .thenComparing(tie -> String.valueOf(tie.relationship().role()))).toList();
    }

    private PartnerTie tie(Value tie) {
        var through = tie.get("through");
        return new PartnerTie(tie.get("kind").asString(), Region.from(tie.get("region").asNode()),
                through.isNull() ? null : nodes.toObject(through.asNode()),
                Relationship.from(tie.get("rel").asRelationship()));
    }

    private Collaboration collaboration(Value pair) {
        var links = new ArrayList<CollaborationLink>();
        for (var value : pair.values()) {
            var link = value.get("link").asNode();
            var basis = Props.text(link, "basis");
            links.add(new CollaborationLink(Props.text(link, "kind"), nodes.toObject(value.get("through").asNode()),
                    Props.text(link, "roleA"), Props.text(link, "roleB"), Props.text(link, "since"),
                    Props.text(link, "until"), basis == null ? "STATED" : basis.toUpperCase(Locale.ROOT),
                    Props.texts(link, "sources")));
        }
        links.sort(java.util.Comparator.comparing(CollaborationLink::kind)
                .thenComparing(l -> l.through().key()));
        var first = pair.get(0);
        return new Collaboration(Organisation.from(first.get("a").asNode()), Organisation.from(first.get("b").asNode()),
                List.copyOf(links));
    }
}
