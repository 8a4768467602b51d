package org.partnernetz.graph;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Point;

/**
 * A point on the map (WGS 84), and what it is the point of: the entry's own ({@code OWN}: a place's
 * centre or seat, a venue's site) or the region it is located in ({@code REGION}, named by
 * {@code place}: its own position is not known).
 */
public record Coordinates(double latitude, double longitude, String basis, String place) {

    /** The spatial reference of latitude and longitude on the earth (WGS 84) in Neo4j. */
    public static final int WGS84 = 4326;

    /**
     * The farthest a region may reach from its point (the radius of a circle of its area); the seed
     * allows no larger area, so {@code near} searches the index this much beyond its radius.
     */
    public static final double MAX_EXTENT_KM = 40;

    /** Where an entry's point comes from. */
    public static final String OWN = "OWN";
    public static final String REGION = "REGION";

    /** A node's own point ({@code location}), or null. */
    public static Coordinates own(Entity node) {
        var location = node.get("location");
        return location.isNull() ? null : of(location.asPoint(), OWN, node.get("key").asString(null));
    }

    /** A point read from a query; null stays null. */
    public static Coordinates of(Value point, String basis, String place) {
        return point == null || point.isNull() ? null : of(point.asPoint(), basis, place);
    }

    /**
     * Cypher for the coordinates of an entry {@code n}: its own point, else that of the region it is
     * located in (the first by key that has one); a map of point, basis and place, or null.
     */
    public static final String OF_ENTRY = """
            CASE WHEN n.location IS NOT NULL THEN {point: n.location, basis: 'OWN', place: n.key}
                 ELSE COLLECT { MATCH (n)-[:LOCATED_IN]->(r:Region) WHERE r.location IS NOT NULL
                                RETURN {point: r.location, basis: 'REGION', place: r.key} AS c ORDER BY r.key LIMIT 1 }[0]
            END""";

    /** The coordinates {@link #OF_ENTRY} gave, read as a Java map; null stays null. */
    public static Coordinates of(Object found) {
        if (!(found instanceof java.util.Map<?, ?> map) || !(map.get("point") instanceof Point point)) {
            return null;
        }
        return of(point, (String) map.get("basis"), (String) map.get("place"));
    }

    private static Coordinates of(Point point, String basis, String place) {
        return new Coordinates(point.y(), point.x(), basis, place);
    }
}
