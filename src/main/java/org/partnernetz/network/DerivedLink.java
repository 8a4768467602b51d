package org.partnernetz.network;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One link of a collaborating pair as the derivation stores it on the pair's {@code :Collaboration}
 * node: what connects the two (kind and context, by seed key), their roles, the time it covers, its
 * basis and sources, and the regions where the context is located or active. Stored as one line of
 * tab-separated fields ({@link #encoded()}) plus the first and last day it covers, as epoch days,
 * open ends as {@link #OPEN_START} and {@link #OPEN_END}.
 */
record DerivedLink(String kind, String context, String roleA, String roleB, String since, String until,
        String basis, List<String> sources, List<String> regions, long startDay, long endDay)
        implements Comparable<DerivedLink> {

    static final long OPEN_START = -100_000_000L;
    static final long OPEN_END = 100_000_000L;

    /** Field positions in {@link #encoded()}. */
    private static final int KIND = 0, CONTEXT = 1, ROLE_A = 2, ROLE_B = 3, SINCE = 4, UNTIL = 5, BASIS = 6,
            SOURCES = 7, REGIONS = 8;

    static long day(LocalDate date, long open) {
        return date == null ? open : date.toEpochDay();
    }

    /** The fields as one line; empty fields for absent values. */
    String encoded() {
        return String.join("\t", kind, context, text(roleA), text(roleB), text(since), text(until), basis,
                String.join(",", sources), String.join(",", regions));
    }

    static DerivedLink decode(String encoded, long startDay, long endDay) {
        var f = encoded.split("\t", -1);
        return new DerivedLink(f[KIND], f[CONTEXT], nullable(f[ROLE_A]), nullable(f[ROLE_B]), nullable(f[SINCE]),
                nullable(f[UNTIL]), f[BASIS], list(f[SOURCES]), list(f[REGIONS]), startDay, endDay);
    }

    /** Whether the link's time overlaps the window of epoch days (open ends count as overlapping). */
    boolean overlaps(long from, long to) {
        return startDay <= to && endDay >= from;
    }

    /** Whether its context is located or active in one of {@code regionKeys}. */
    boolean inAny(Collection<String> regionKeys) {
        return regions.stream().anyMatch(regionKeys::contains);
    }

    /** By kind and context, then by every other field: a total order, the same wherever links are sorted. */
    private static final Comparator<DerivedLink> ORDER = Comparator.comparing(DerivedLink::kind)
            .thenComparing(DerivedLink::context)
            .thenComparing(DerivedLink::roleA, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DerivedLink::roleB, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(DerivedLink::startDay)
            .thenComparingLong(DerivedLink::endDay)
            .thenComparing(DerivedLink::encoded);

    @Override
    public int compareTo(DerivedLink other) {
        return ORDER.compare(this, other);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String nullable(String value) {
        return value.isEmpty() ? null : value;
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
