package org.partnernetz.graph;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds names for sorting and search. {@link #fold} gives lower case without diacritics, so that
 * "dusseldorf" finds Düsseldorf and "grunbau" finds GrünBau; {@link #compact} also drops spaces and
 * punctuation, so that "GIB" finds "G.I.B." and "jobcenter-dortmund" finds "Jobcenter Dortmund".
 * Names are stored folded both ways German is written without umlauts ("Dusseldorf" and
 * "Duesseldorf"), so either spelling finds them; queries are folded the plain way.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** Lower case, without diacritics; for sort keys. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        var decomposed = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
    }

    /**
     * A text's words as a slug or key: folded (umlauts written ae, oe, ue), runs of anything but
     * letters and digits as one hyphen, at most 60 characters; empty when nothing is left.
     */
    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        var slug = fold(text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "ae")
                .replace("Ö", "oe").replace("Ü", "ue")).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    /** Folded and reduced to letters and digits; what searches compare. */
    public static String compact(String text) {
        return text == null ? null : NOT_LETTER_OR_DIGIT.matcher(fold(text)).replaceAll("");
    }

    /**
     * All names of a thing in one searchable string, each compacted, separated by a line break so
     * that a search never matches across two names.
     */
    public static String of(Stream<String> names) {
        return names.filter(Objects::nonNull)
                .flatMap(name -> Stream.of(compact(name), compact(transliterated(name))))
                .filter(name -> !name.isEmpty())
                .distinct().collect(Collectors.joining("\n"));
    }

    /** German umlauts as written without them: ä as ae, ö as oe, ü as ue. */
    static String transliterated(String text) {
        return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
    }
}
