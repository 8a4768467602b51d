package org.partnernetz.history;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of an entity: the version it made, when, by whom, why (optional), and each field's
 * value before and after, as JSON text (null: the field had no value).
 */
public record Revision(int version, java.time.Instant at, String by, String comment, List<FieldChange> changes) {

    /** One field of a revision. */
    public record FieldChange(String field, String from, String to) {
    }
}
