package org.partnernetz.relationship;

import java.util.List;
import java.util.stream.Stream;

import org.partnernetz.graphql.SortKey;

/**
 * One list field that follows relationships from an object, e.g. {@code Organisation.partOf}: the
 * graph pattern it reads ({@code p} is the object the field hangs off, {@code r} the relationship,
 * {@code t} the other end), its order, and what it returns. Each feature declares its fields in a
 * {@link RelationshipFields} bean; {@link RelationshipWiring} gives every one a batch-loading data
 * fetcher. A field that takes {@code includeSubregions} names a second pattern that reaches
 * {@code t} through the regions inside {@code p}. Lists are ordered alphabetically by the other end
 * unless a field says otherwise, and always completely, so that pages neither repeat nor skip.
 *
 * @param itemType the Java type of what the field returns (the node of a {@code SINGLE} field, the
 *     items of a {@code SOURCES} or {@code FIGURES} connection), for Spring's schema inspection
 */
public record RelationshipField(String typeName, String field, String pattern, String subregionPattern,
        List<SortKey> order, Shape shape, Class<?> itemType) {

    /** What the field returns. */
    public enum Shape {
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
    public static final List<SortKey> ALPHABETICAL = order(SortKey.ascending("coalesce(t.sortName, '')"), SortKey.ascending("t.key"));
    /** By date, or by the bound known where only bounds are; undated last. */
    public static final List<SortKey> BY_DATE = order(SortKey.ascending("coalesce(t.start, t.end, date('9999-12-31'))"),
            SortKey.ascending("coalesce(t.sortName, '')"), SortKey.ascending("t.key"));

    /** The start of a pattern that reaches every region inside {@code p} (the hierarchy is at most six deep). */
    public static final String SUBREGIONS = "(p)<-[:PART_OF*0..6]-(:Region)";

    /** A {@code RelationshipConnection} field, alphabetically by the other end. */
    public static RelationshipField relationships(String typeName, String field, String pattern) {
        return new RelationshipField(typeName, field, pattern, null, ALPHABETICAL, Shape.RELATIONSHIPS, null);
    }

    /** A connection of documents or figures only. */
    public static RelationshipField items(String typeName, String field, String pattern, Shape shape, Class<?> itemType) {
        return new RelationshipField(typeName, field, pattern, null, ALPHABETICAL, shape, itemType);
    }

    /** A field holding one object, or null. */
    public static RelationshipField single(String typeName, String field, String pattern, Class<?> type) {
        return new RelationshipField(typeName, field, pattern, null, ALPHABETICAL, Shape.SINGLE, type);
    }

    public RelationshipField orderedBy(List<SortKey> order) {
        return new RelationshipField(typeName, field, pattern, subregionPattern, order, shape, itemType);
    }

    /** The same field reaching {@code t} through the regions inside {@code p} when asked to. */
    public RelationshipField withSubregions(String subregionPattern) {
        return new RelationshipField(typeName, field, pattern, subregionPattern, order, shape, itemType);
    }

    private static List<SortKey> order(SortKey... keys) {
        return Stream.concat(Stream.of(keys), TIE_BREAK.stream()).toList();
    }
}
