package org.partnernetz.graphql;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The page a client asked for with {@code first} and {@code after}. Cursors are opaque to clients;
 * inside they hold the values of the list's sort keys for one item ({@link SortKey}), so a page
 * continues after that item wherever it now stands.
 */
public record PageRequest(int first, String afterList, List<Object> after) {

    /** A page from the start of a list. */
    public PageRequest(int first) {
        this(first, null, null);
    }

    /** The most items one page may hold. */
    public static final int MAX_FIRST = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadRequestException("first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        if (after == null) {
            return new PageRequest(size);
        }
        var cursor = decode(after);
        return new PageRequest(size, cursor.list(), cursor.values());
    }

    /**
     * The cursor of an item of {@code list} (a name for the list, so that a cursor is refused by any
     * other) whose sort keys have these values (strings, whole numbers, dates).
     */
    public static String cursor(String list, List<Object> values) {
        var cursor = JsonNodeFactory.instance.objectNode();
        cursor.put("list", list);
        var array = cursor.putArray("after");
        for (var value : values) {
            if (value == null) {
                throw new IllegalStateException("a sort key is null; sort keys must coalesce nulls");
            }
            switch (value) {
                case String text -> array.add(text);
                case Number number -> array.add(number.longValue());
                case LocalDate date -> array.addObject().put("date", date.toString());
                default -> throw new IllegalArgumentException("no cursor for a sort key of type " + value.getClass());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(cursor).getBytes(StandardCharsets.UTF_8));
    }

    private record Decoded(String list, List<Object> values) {
    }

    private static Decoded decode(String cursor) {
        try {
            var root = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            var node = root.get("after");
            var list = root.get("list");
            if (list != null && list.isString() && node != null && node.isArray() && !node.isEmpty()) {
                var values = new ArrayList<Object>();
                for (JsonNode value : node) {
                    if (value.isString()) {
                        values.add(value.asString());
                    } else if (value.isIntegralNumber()) {
                        values.add(value.asLong());
                    } else if (value.isObject() && value.get("date") != null && value.get("date").isString()) {
                        values.add(LocalDate.parse(value.get("date").asString()));
                    } else {
                        throw new IllegalArgumentException("unexpected value in cursor");
                    }
                }
                return new Decoded(list.asString(), List.copyOf(values));
            }
        } catch (IllegalArgumentException | JacksonException | java.time.DateTimeException e) {
            // falls through to the error below
        }
        throw new BadRequestException("'" + cursor + "' is not a cursor returned by this API");
    }

    /** How many items a list inside a page's items (a partner's ties, a pair's links) shows unless asked. */
    public static final int NESTED_DEFAULT = 10;

    /** The {@code first} of a list inside a page's items, checked as a page's is. */
    public static int nested(Integer first) {
        int size = first == null ? NESTED_DEFAULT : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadRequestException("first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        return size;
    }

    /**
     * The most items the nested list at {@code path} of a selection shows: the largest {@code first}
     * of its selections (aliases may ask for different sizes), or 0 when it is not selected. The
     * page reads that many; each selection then shows its own part.
     */
    public static int nested(DataFetchingFieldSelectionSet selection, String path) {
        int most = 0;
        for (var field : selection.getFields(path)) {
            most = Math.max(most, nested((Integer) field.getArguments().get("first")));
        }
        return most;
    }

    /** One item more than asked for, to learn whether a next page exists. */
    public int limit() {
        return first + 1;
    }
}
