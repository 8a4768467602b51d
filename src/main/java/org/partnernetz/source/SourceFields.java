package org.partnernetz.source;

import org.partnernetz.relationship.RelationshipField;

/** The {@code sources} and {@code figures} fields every kind of object has, for its feature's table. */
public final class SourceFields {

    private SourceFields() {
    }

    /** The documents that mention the object. */
    public static RelationshipField sources(String typeName) {
        return RelationshipField.items(typeName, "sources", "(p)<-[r:MENTIONS]-(t:Source)",
                RelationshipField.Shape.SOURCES, Source.class);
    }

    /** The figures about the object. */
    public static RelationshipField figures(String typeName) {
        return RelationshipField.items(typeName, "figures", "(p)<-[r:ABOUT]-(t:Figure)",
                RelationshipField.Shape.FIGURES, Figure.class);
    }

    /** The figures counted in a region. */
    public static RelationshipField countedIn(String typeName) {
        return RelationshipField.items(typeName, "figures", "(p)<-[r:COUNTED_IN]-(t:Figure)",
                RelationshipField.Shape.FIGURES, Figure.class);
    }
}
