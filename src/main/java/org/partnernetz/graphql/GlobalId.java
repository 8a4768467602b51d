package org.partnernetz.graphql;

import java.util.regex.Pattern;

import org.partnernetz.graph.Label;

/**
 * Global ids are readable on purpose: the type name, a colon and the seed key
 * ({@code Organisation:whkt}). Clients treat them as opaque; people debugging a query can read them.
 */
public record GlobalId(Label label, String key) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static String of(Label label, String key) {
        return label.name() + ":" + key;
    }

    public static GlobalId parse(String id) {
        var colon = id == null ? -1 : id.indexOf(':');
        if (colon < 0) {
            throw new BadRequestException("'" + id + "' is not a global id; ids look like 'Organisation:whkt'");
        }
        Label label;
        try {
            label = Label.valueOf(id.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + id + "' names no known type; ids start with one of "
                    + java.util.Arrays.toString(Label.values()));
        }
        var key = id.substring(colon + 1);
        if (!KEY.matcher(key).matches()) {
            throw new BadRequestException("'" + id + "' has a malformed key; keys are lower-case letters, digits and dashes");
        }
        return new GlobalId(label, key);
    }

    /** Whether {@code text} looks like a global id rather than a slug or seed key. */
    public static boolean looksLikeGlobalId(String text) {
        return text != null && text.indexOf(':') > 0;
    }
}
