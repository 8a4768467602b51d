package org.partnernetz.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One part of a list's order: a Cypher expression and its direction. A list's order is a list of
 * them, ending with a unique tie-breaker, and its cursors are the values of these expressions for an
 * item (keyset pagination): the next page starts after that position in the order, so inserts and
 * deletes elsewhere in the list never make a page repeat or skip an item. Expressions must never be
 * null (use {@code coalesce}).
 */
public record SortKey(String expression, boolean descending) {

    public static SortKey ascending(String expression) {
        return new SortKey(expression, false);
    }

    public static SortKey descending(String expression) {
        return new SortKey(expression, true);
    }

    /** The Cypher list of the keys' values, e.g. {@code [n.sortName, n.key]}. */
    public static String values(List<SortKey> order) {
        return order.stream().map(SortKey::expression).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code ORDER BY} items over a variable holding {@link #values}, e.g. {@code key[0], key[1] DESC}. */
    public static String orderBy(List<SortKey> order, String key) {
        return IntStream.range(0, order.size())
                .mapToObj(i -> key + "[" + i + "]" + (order.get(i).descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }

    /**
     * A Cypher condition that holds for items after the cursor, comparing a variable holding
     * {@link #values} with the parameters {@code $after0}, {@code $after1} ... as a tuple; true when
     * there is no cursor ({@code $after0} is null).
     */
    public static String after(List<SortKey> order, String key) {
        var alternatives = new ArrayList<String>();
        for (int i = 0; i < order.size(); i++) {
            var equalBefore = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                equalBefore.add(key + "[" + j + "] = $after" + j);
            }
            equalBefore.add(key + "[" + i + "] " + (order.get(i).descending() ? "<" : ">") + " $after" + i);
            alternatives.add("(" + String.join(" AND ", equalBefore) + ")");
        }
        return "($after0 IS NULL OR " + String.join(" OR ", alternatives) + ")";
    }

    /**
     * The same position condition over the keys' own expressions instead of a list of their values,
     * shaped so that Neo4j reads the first key's index in order and starts at the cursor: without a
     * cursor, the first key is not null; with one, a range on the first key, and the keys compared
     * as one list (lists compare element by element). Written as alternatives joined by {@code OR},
     * the planner may split the range into two seeks and sort what they find, which reads the whole
     * rest of the list. All keys must sort in the same direction. For lists whose page is an
     * index-ordered read.
     */
    public static String seek(List<SortKey> order, PageRequest page) {
        var first = order.getFirst();
        if (order.stream().anyMatch(key -> key.descending() != first.descending())) {
            throw new IllegalArgumentException("seek needs keys that sort in one direction");
        }
        if (page.after() == null) {
            return first.expression() + " IS NOT NULL";
        }
        var parameters = IntStream.range(0, order.size()).mapToObj(i -> "$after" + i)
                .collect(Collectors.joining(", ", "[", "]"));
        var comparison = first.descending() ? " < " : " > ";
        return first.expression() + (first.descending() ? " <= " : " >= ") + "$after0 AND " + values(order)
                + comparison + parameters;
    }

    /**
     * Puts the cursor's values into {@code parameters} for {@link #after}; checks that the cursor is
     * one of {@code list} and fits its order.
     */
    public static void bindAfter(String list, List<SortKey> order, PageRequest page, Map<String, Object> parameters) {
        var after = page.after();
        if (after != null && (!list.equals(page.afterList()) || after.size() != order.size())) {
            throw new BadRequestException("The cursor is not one of this list; use a cursor the same list returned");
        }
        for (int i = 0; i < order.size(); i++) {
            parameters.put("after" + i, after == null ? null : after.get(i));
        }
    }
}
