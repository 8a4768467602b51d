package org.partnernetz.relationship;

import java.util.List;

import org.partnernetz.graphql.SortKey;

/**
 * One list field that follows relationships from an object, e.g. {@code Organisation.partOf}. The
 * table {@link #ALL} is the single place that says which graph pattern each such field reads:
 * {@code p} is the object the field hangs off, {@code r} the relationship, {@code t} the other end.
 * A field that takes {@code includeSubregions} names a second pattern that reaches {@code t} through
 * the regions inside {@code p}. Lists are ordered by {@code order}: alphabetically by the other end,
 * unless a field says otherwise, and always completely, so that pages neither repeat nor skip.
 */
record RelationshipField(String typeName, String field, String pattern, String subregionPattern, List<SortKey> order,
        Shape shape) {

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

    /** After the other end, two relationships to the same object are told apart by type, role and key. */
    private static final List<SortKey> TIE_BREAK = List.of(SortKey.ascending("type(r)"),
            SortKey.ascending("coalesce(r.role, '')"), SortKey.ascending("coalesce(r.key, '')"));
    static final List<SortKey> ALPHABETICAL = order(SortKey.ascending("t.sortName"), SortKey.ascending("t.id"));
    /** By date, or by the bound known where only bounds are; undated last. */
    static final List<SortKey> BY_DATE = order(SortKey.ascending("coalesce(t.start, t.end, date('9999-12-31'))"),
            SortKey.ascending("t.sortName"), SortKey.ascending("t.id"));

    private static final String SOURCES = "(p)<-[r:MENTIONS]-(t:Source)";
    private static final String FIGURES = "(p)<-[r:ABOUT]-(t:Figure)";
    private static final String SUBREGIONS = "(p)<-[:PART_OF*0..6]-(:Region)";

    static final List<RelationshipField> ALL = List.of(
            rel("Region", "parents", "(p)-[r:PART_OF]->(t:Region)"),
            rel("Region", "children", "(p)<-[r:PART_OF]-(t:Region)"),
            withSubregions("Region", "located", "(p)<-[r:LOCATED_IN]-(t)", SUBREGIONS + "<-[r:LOCATED_IN]-(t)"),
            withSubregions("Region", "active", "(p)<-[r:ACTIVE_IN]-(t)", SUBREGIONS + "<-[r:ACTIVE_IN]-(t)"),
            new RelationshipField("Region", "figures", "(p)<-[r:COUNTED_IN]-(t:Figure)", null, ALPHABETICAL,
                    Shape.FIGURES),
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
            rel("Organisation", "advises", "(p)-[r:ADVISES]->(t)"),
            rel("Organisation", "advisedBy", "(p)<-[r:ADVISES]-(t)"),
            rel("Organisation", "runs", "(p)-[r:RUNS]->(t)"),
            rel("Organisation", "runBy", "(p)<-[r:RUNS]-(t)"),
            rel("Organisation", "initiated", "(p)-[r:INITIATES]->(t)"),
            rel("Organisation", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
            rel("Organisation", "publications", "(p)-[r:PUBLISHES]->(t)"),
            rel("Organisation", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
            rel("Organisation", "offers", "(p)-[r:OFFERS]->(t)"),
            rel("Organisation", "fieldsOfActivity", "(p)-[r:WORKS_ON]->(t)"),
            rel("Organisation", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
            rel("Organisation", "statements", "(p)-[r:STATES]->(t)"),
            figures("Organisation"),
            sources("Organisation"),

            rel("Project", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
            rel("Project", "funders", "(p)<-[r:FUNDS]-(t)"),
            rel("Project", "parts", "(p)<-[r:PART_OF]-(t)"),
            rel("Project", "partOf", "(p)-[r:PART_OF]->(t)"),
            rel("Project", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
            rel("Project", "establishes", "(p)-[r:ESTABLISHES]->(t)"),
            rel("Project", "runBy", "(p)<-[r:RUNS]-(t)"),
            rel("Project", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
            rel("Project", "followsFrom", "(p)-[r:FOLLOWS_FROM]->(t)"),
            rel("Project", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
            rel("Project", "offers", "(p)-[r:OFFERS]->(t)"),
            rel("Project", "fieldsOfActivity", "(p)-[r:WORKS_ON]->(t)"),
            rel("Project", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
            ordered("Project", "milestones", "(p)<-[r:MILESTONE_OF]-(t:Milestone)", BY_DATE),
            figures("Project"),
            sources("Project"),

            rel("Event", "participants", "(p)<-[r:PARTICIPATES_IN]-(t:Organisation)"),
            rel("Event", "speakers", "(p)<-[r:SPEAKS_AT]-(t:Person)"),
            rel("Event", "partOf", "(p)-[r:PART_OF]->(t)"),
            rel("Event", "regions", "(p)-[r:LOCATED_IN|ACTIVE_IN]->(t:Region)"),
            rel("Event", "initiatedBy", "(p)<-[r:INITIATES]-(t)"),
            rel("Event", "followsFrom", "(p)-[r:FOLLOWS_FROM]->(t)"),
            rel("Event", "consequences", "(p)<-[r:FOLLOWS_FROM]-(t)"),
            rel("Event", "targetGroups", "(p)-[r:AIMED_AT]->(t)"),
            rel("Event", "presented", "(p)-[r:PRESENTS]->(t)"),
            figures("Event"),
            sources("Event"),

            rel("Person", "roles", "(p)-[r:HOLDS_ROLE]->(t)"),
            rel("Person", "appearances", "(p)-[r:SPEAKS_AT]->(t)"),
            rel("Person", "initiated", "(p)-[r:INITIATES]->(t)"),
            rel("Person", "publications", "(p)-[r:PUBLISHES]->(t)"),
            rel("Person", "statements", "(p)-[r:STATES]->(t)"),
            sources("Person"),

            rel("Source", "mentions", "(p)-[r:MENTIONS]->(t)"),
            rel("Source", "publishedBy", "(p)<-[r:PUBLISHES]-(t)"),

            new RelationshipField("Figure", "about", "(p)-[r:ABOUT]->(t)", null, ALPHABETICAL, Shape.SINGLE),
            new RelationshipField("Figure", "region", "(p)-[r:COUNTED_IN]->(t:Region)", null, ALPHABETICAL, Shape.SINGLE),
            rel("Figure", "statedBy", "(p)<-[r:STATES]-(t)"),
            sources("Figure"),

            rel("TargetGroup", "addressedBy", "(p)<-[r:AIMED_AT]-(t)"),
            sources("TargetGroup"),

            rel("Topic", "offeredBy", "(p)<-[r:OFFERS]-(t)"),
            rel("Topic", "workedOnBy", "(p)<-[r:WORKS_ON]-(t)"),
            rel("Topic", "presentedAt", "(p)<-[r:PRESENTS]-(t)"),
            sources("Topic"),

            new RelationshipField("Milestone", "project", "(p)-[r:MILESTONE_OF]->(t)", null, ALPHABETICAL,
                    Shape.SINGLE),
            sources("Milestone"));

    private static RelationshipField rel(String typeName, String field, String pattern) {
        return ordered(typeName, field, pattern, ALPHABETICAL);
    }

    private static List<SortKey> order(SortKey... keys) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(keys), TIE_BREAK.stream()).toList();
    }

    private static RelationshipField ordered(String typeName, String field, String pattern, List<SortKey> order) {
        return new RelationshipField(typeName, field, pattern, null, order, Shape.RELATIONSHIPS);
    }

    private static RelationshipField withSubregions(String typeName, String field, String pattern,
            String subregionPattern) {
        return new RelationshipField(typeName, field, pattern, subregionPattern, ALPHABETICAL, Shape.RELATIONSHIPS);
    }

    private static RelationshipField sources(String typeName) {
        return new RelationshipField(typeName, "sources", SOURCES, null, ALPHABETICAL, Shape.SOURCES);
    }

    private static RelationshipField figures(String typeName) {
        return new RelationshipField(typeName, "figures", FIGURES, null, ALPHABETICAL, Shape.FIGURES);
    }
}
