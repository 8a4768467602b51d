package org.partnernetz.graphql;

import org.partnernetz.graph.PartialDate;

/** Reads date arguments, turning a malformed one into a BAD_REQUEST that names the argument. */
public final class Dates {

    private Dates() {
    }

    public static PartialDate argument(String name, String value) {
        try {
            return PartialDate.parseNullable(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + ": " + e.getMessage());
        }
    }
}
