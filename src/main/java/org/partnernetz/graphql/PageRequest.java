package org.partnernetz.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page a client asked for with {@code first} and {@code after}. Cursors are opaque to clients;
 * inside they are the position of an item in its ordered list.
 */
public record PageRequest(int first, int offset) {

    /** The most items one page may hold. */
    public static final int MAX_FIRST = 100;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadRequestException("first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        return new PageRequest(size, after == null ? 0 : decode(after) + 1);
    }

    public static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("pos:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("pos:")) {
                var position = Integer.parseInt(text.substring(4));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadRequestException("'" + cursor + "' is not a cursor returned by this API");
    }

    /** One item more than asked for, to learn whether a next page exists. */
    public int limit() {
        return first + 1;
    }
}
