package org.partnernetz.map;

import java.util.List;
import java.util.Set;

import org.neo4j.driver.Values;
import org.partnernetz.graph.Coordinates;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.BadRequestException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code near(...)}: places, organisations and events around a point, read through the point
 * indexes on {@code location} (schema step 18).
 *
 * <p>Only a point is known of a place, not its border, so a place counts when the circle reaches
 * it: its point lies within the radius plus its extent (the radius of a circle of its area, kept as
 * {@code extentKm} by the import). The index is asked for points within the radius plus the largest
 * extent the seed allows, and the exact test follows. Organisations and events without a point of
 * their own count with the place they are located in, at that place's distance.
 */
@Service
@Transactional(readOnly = true)
public class NearbyQueries {

    static final double MAX_RADIUS_KM = 200;
    static final int MAX_FIRST = 500;
    private static final Set<String> KINDS = Set.of("PLACE", "ORGANISATION", "EVENT");

    private final Neo4jClient neo4j;
    private final Nodes nodes;

    NearbyQueries(Neo4jClient neo4j, Nodes nodes) {
        this.neo4j = neo4j;
        this.nodes = nodes;
    }

    List<Nearby> near(double latitude, double longitude, double radiusKm, List<String> kinds, Integer first) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new BadRequestException("latitude must lie in -90..90 and longitude in -180..180");
        }
        if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
            throw new BadRequestException("radiusKm: above 0, at most " + (int) MAX_RADIUS_KM);
        }
        int limit = first == null ? 100 : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new BadRequestException("first: 1 to " + MAX_FIRST);
        }
        var wanted = kinds == null || kinds.isEmpty() ? List.copyOf(KINDS) : kinds;
        return neo4j.query("""
                CALL () {
                  MATCH (p:Region)
                  WHERE point.distance(p.location, $centre) <= $reach
                  WITH p, point.distance(p.location, $centre) / 1000.0 AS distanceKm
                  WHERE distanceKm - coalesce(p.extentKm, 0.0) <= $radiusKm
                  CALL (p, distanceKm) {
                    RETURN p AS entry, 'PLACE' AS kind, 'OWN' AS basis
                    UNION
                    MATCH (e)-[:LOCATED_IN]->(p)
                    WHERE (e:Organisation OR e:Event) AND e.location IS NULL
                    RETURN e AS entry, CASE WHEN e:Organisation THEN 'ORGANISATION' ELSE 'EVENT' END AS kind,
                           'REGION' AS basis
                  }
                  RETURN entry, kind, p.location AS point, basis, p.key AS place, distanceKm
                  UNION
                  MATCH (e:Entity)
                  WHERE point.distance(e.location, $centre) <= $radiusKm * 1000 AND (e:Organisation OR e:Event)
                  RETURN e AS entry, CASE WHEN e:Organisation THEN 'ORGANISATION' ELSE 'EVENT' END AS kind,
                         e.location AS point, 'OWN' AS basis, e.key AS place,
                         point.distance(e.location, $centre) / 1000.0 AS distanceKm
                }
                WITH * WHERE kind IN $kinds
                // An entry located in two places nearby is listed once, by the nearer.
                WITH entry, kind, point, basis, place, distanceKm ORDER BY distanceKm, place
                WITH entry, kind, head(collect({point: point, basis: basis, place: place, distanceKm: distanceKm})) AS best
                RETURN entry, kind, best
                ORDER BY best.distanceKm, kind <> 'PLACE', entry.sortName, entry.key
                LIMIT $first""")
                .bind(Values.point(Coordinates.WGS84, longitude, latitude)).to("centre")
                .bind((radiusKm + Coordinates.MAX_EXTENT_KM) * 1000).to("reach")
                .bind(radiusKm).to("radiusKm").bind(wanted).to("kinds").bind(limit).to("first")
                .fetchAs(Nearby.class).mappedBy((types, record) -> {
                    var best = record.get("best").asMap();
                    return new Nearby(nodes.toObject(record.get("entry").asNode()), record.get("kind").asString(),
                            Coordinates.of(best), ((Number) best.get("distanceKm")).doubleValue());
                }).all().stream().toList();
    }
}
