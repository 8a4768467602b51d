package org.partnernetz.relationship;

import java.util.List;

/** The relationship fields one feature contributes to the API; a bean per feature. */
public record RelationshipFields(List<RelationshipField> fields) {

    public static RelationshipFields of(RelationshipField... fields) {
        return new RelationshipFields(List.of(fields));
    }
}
