package org.partnernetz.bookmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Bookmark;

/**
 * The form in which bookmarks travel between the hub and its clients: one opaque header value, the
 * URL-safe Base64 of the bookmarks' texts, one per line. Clients keep it and send it back unchanged;
 * what is inside is Neo4j's business.
 */
final class BookmarkToken {

    /** Longer than any honest token (a cluster's bookmark is a few hundred characters). */
    static final int MAX_LENGTH = 4096;

    private static final int MAX_BOOKMARKS = 16;

    private BookmarkToken() {
    }

    static String encode(Collection<Bookmark> bookmarks) {
        var text = bookmarks.stream().map(Bookmark::value).sorted().collect(Collectors.joining("\n"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bookmarks of a token, or an {@link IllegalArgumentException} saying what is wrong with it. */
    static Set<Bookmark> decode(String token) {
        if (token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The bookmark is longer than " + MAX_LENGTH + " characters");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The bookmark is not one the hub gave out");
        }
        var bookmarks = new LinkedHashSet<Bookmark>();
        for (var line : text.split("\n")) {
            if (line.isBlank() || line.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("The bookmark is not one the hub gave out");
            }
            bookmarks.add(Bookmark.from(line));
        }
        if (bookmarks.size() > MAX_BOOKMARKS) {
            throw new IllegalArgumentException("The bookmark holds more than " + MAX_BOOKMARKS + " positions");
        }
        return Set.copyOf(bookmarks);
    }
}
