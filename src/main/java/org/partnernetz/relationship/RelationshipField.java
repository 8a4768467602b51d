package org.partnernetz.relationship;

import java.util.List;

/**
 * One list field that follows relationships from an object, e.g. {@code Organisation.partOf}. The
 * table {@link #ALL} is the single place that says which graph pattern each such field reads:
 * {@code p} is the object the field hangs off, {@code r} the relationship, {@code t} the other end.
 */
record RelationshipField(String typeName, String field, String pattern, Shape shape) {

    /** What the field returns. */
    enum Shape {
        /** A {@code RelationshipConnection}: the other end and the relationship's facts. */
        RELATIONSHIPS,
        /** A {@code SourceConnection}: the documents only. */
        SOURCES,
        /** A {@code FigureConnection}: the figures only. */
        FIGURES,
        /** A single object, or null. */
        SINGLE
    }

    private static final String SOURCES = "(p)<-[r:MENTIONS]-(t:Source)";
    private static final String FIGURES = "(p)<-[r:ABOUT]-(t:Figure)";

    static final List<RelationshipField> ALL = List.of(
            rel("Region", "parents", "(p)-[r:PART_OF]->(t:Region)"),
            rel("Region", "children", "(p)<-[r:PART_OF]-(t:Region)"),
            rel("Region", "located", "(p)<-[r:LOCATED_IN]-(t)"),
            rel("Region", "active", "(p)<-[r:ACTIVE_IN]-(t)"),
            sources("Region"),

            rel("Organisation", "locatedIn", "(p)-[r:LOCATED_IN]->(t:Region)"),
            rel("Organisation", "activeIn", "(p)-[r:ACTIVE_IN]->(t:Region)"),
            rel("Organisation", "partOf", "(p)-[r:PART_OF]->(t)"),
            rel("Organisation", "units", "(p)<-[r:PART_OF]-(t:Organisation)"),
            rel("Organisation", "memberOf", "(p)-[r:MEMBER_OF]->(t)"),
            rel("Organisation", "members", "(p)<-[r:MEMBER_OF]-(t)"),
            rel("Organisation", "participations", "(p)-[r:PARTICIPATES_IN]->(t)"),
            rel("Organisation", "fundingGiven", "(p)-[r:FUNDS]->(t)"),
            rel("Organisation", "fundingReceived", "(p)<-[r:FUNDS]-(t)"),
            rel("Organisation", "people", "(p)<-[r:HOLDS_ROLE]-(t:Person)"),
            rel("Organisation", "establishedBy", "(p)<-[r:ESTABLISHES]-(t)"),
            figures("Organisation"),
            sources("Organisation"),

            rel("Project", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
            rel("Project", "funders", "(p)<-[r:FUNDS]-(t)"),
            rel("Project", "parts", "(p)<-[r:PART_OF]-(t)"),
            rel("Project", "partOf", "(p)-[r:PART_OF]->(t)"),
            rel("Project", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
            rel("Project", "establishes", "(p)-[r:ESTABLISHES]->(t)"),
            figures("Project"),
            sources("Project"),

            rel("Event", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
            rel("Event", "speakers", "(p)<-[r:SPEAKS_AT]-(t:Person)"),
            rel("Event", "partOf", "(p)-[r:PART_OF]->(t)"),
            rel("Event", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
            figures("Event"),
            sources("Event"),

            rel("Person", "roles", "(p)-[r:HOLDS_ROLE]->(t)"),
            rel("Person", "appearances", "(p)-[r:SPEAKS_AT]->(t)"),
            sources("Person"),

            rel("Source", "mentions", "(p)-[r:MENTIONS]->(t)"),

            new RelationshipField("Figure", "about", "(p)-[r:ABOUT]->(t)", Shape.SINGLE),
            sources("Figure"));

    private static RelationshipField rel(String typeName, String field, String pattern) {
        return new RelationshipField(typeName, field, pattern, Shape.RELATIONSHIPS);
    }

    private static RelationshipField sources(String typeName) {
        return new RelationshipField(typeName, "sources", SOURCES, Shape.SOURCES);
    }

    private static RelationshipField figures(String typeName) {
        return new RelationshipField(typeName, "figures", FIGURES, Shape.FIGURES);
    }
}
