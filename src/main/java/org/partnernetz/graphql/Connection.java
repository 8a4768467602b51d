package org.partnernetz.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A page of a cursor connection, in the shape the schema's {@code ...Connection} types share.
 * Built from the rows one query returned for {@link PageRequest#limit()} items, each with the values
 * of its sort keys, from which its cursor is made.
 */
public record Connection<E>(List<E> edges, PageInfo pageInfo, int totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** A plain edge: a cursor and the object. */
    public record Edge<T>(String cursor, T node) {
    }

    /** A fetched row: the item and the values of its sort keys. */
    public record Row<R>(R item, List<Object> key) {
    }

    /**
     * Turns fetched rows (up to {@code limit()}) of {@code list} into a page; {@code edge} gets each
     * item and its cursor.
     */
    public static <R, E> Connection<E> of(String list, List<Row<R>> rows, PageRequest page, int totalCount,
            BiFunction<R, String, E> edge) {
        var edges = new ArrayList<E>();
        var cursors = new ArrayList<String>();
        for (int i = 0; i < Math.min(rows.size(), page.first()); i++) {
            var cursor = PageRequest.cursor(list, rows.get(i).key());
            cursors.add(cursor);
            edges.add(edge.apply(rows.get(i).item(), cursor));
        }
        var info = new PageInfo(rows.size() > page.first(), page.after() != null,
                cursors.isEmpty() ? null : cursors.getFirst(), cursors.isEmpty() ? null : cursors.getLast());
        return new Connection<>(List.copyOf(edges), info, totalCount);
    }

    public static <T> Connection<Edge<T>> ofNodes(String list, List<Row<T>> rows, PageRequest page, int totalCount) {
        return of(list, rows, page, totalCount, (node, cursor) -> new Edge<>(cursor, node));
    }

    /** Rows from items and a function that gives each one's sort key values. */
    public static <R> List<Row<R>> rows(List<R> items, Function<R, List<Object>> key) {
        return items.stream().map(item -> new Row<>(item, key.apply(item))).toList();
    }
}
