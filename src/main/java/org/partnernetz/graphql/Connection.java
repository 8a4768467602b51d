package org.partnernetz.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A page of a cursor connection, in the shape the schema's {@code ...Connection} types share.
 * Built from the rows one query returned for {@link PageRequest#limit()} items.
 */
public record Connection<E>(List<E> edges, PageInfo pageInfo, int totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** A plain edge: a cursor and the object. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Turns fetched rows (up to {@code limit()}) into a page; {@code edge} gets each row and its cursor. */
    public static <R, E> Connection<E> of(List<R> rows, PageRequest page, int totalCount,
            BiFunction<R, String, E> edge) {
        var edges = new ArrayList<E>();
        var cursors = new ArrayList<String>();
        for (int i = 0; i < Math.min(rows.size(), page.first()); i++) {
            var cursor = PageRequest.cursor(page.offset() + i);
            cursors.add(cursor);
            edges.add(edge.apply(rows.get(i), cursor));
        }
        var info = new PageInfo(rows.size() > page.first(), page.offset() > 0,
                cursors.isEmpty() ? null : cursors.getFirst(), cursors.isEmpty() ? null : cursors.getLast());
        return new Connection<>(List.copyOf(edges), info, totalCount);
    }

    public static <T> Connection<Edge<T>> ofNodes(List<T> nodes, PageRequest page, int totalCount) {
        return of(nodes, page, totalCount, (node, cursor) -> new Edge<>(cursor, node));
    }
}
