package org.partnernetz.graph;

import java.util.Locale;

/** Reads the stored basis of a fact ({@code stated}/{@code inferred}) as the API's enum value. */
public final class Basis {

    private Basis() {
    }

    /** {@code STATED} or {@code INFERRED}; a fact stored without a basis counts as stated. */
    public static String of(String stored) {
        return stored == null ? "STATED" : stored.toUpperCase(Locale.ROOT);
    }

    /** As {@link #of}, but null where nothing is stored (a date basis where there is no date). */
    public static String orNull(String stored) {
        return stored == null ? null : of(stored);
    }
}
