package org.partnernetz.graph;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds names for search: lower case, without diacritics, so that "dusseldorf" finds Düsseldorf
 * and "grunbau" finds GrünBau. The same folding is stored on nodes and applied to queries.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        var decomposed = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
    }

    /** All names of a thing folded into one searchable string, separated by a line break. */
    public static String of(Stream<String> names) {
        return names.filter(Objects::nonNull).map(SearchText::fold).distinct().collect(Collectors.joining("\n"));
    }
}
