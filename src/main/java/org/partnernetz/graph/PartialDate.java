package org.partnernetz.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * An ISO date that may name only a year or a month ({@code 2015}, {@code 2016-09},
 * {@code 2019-06-26}), as sources often do. Queries compare its first and last day.
 */
public record PartialDate(String text, LocalDate first, LocalDate last) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a readable reason. */
    public static PartialDate parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            return switch (text.length()) {
                case 4 -> {
                    var year = Year.parse(text);
                    yield new PartialDate(text, year.atDay(1), year.atMonth(12).atEndOfMonth());
                }
                case 7 -> {
                    var month = YearMonth.parse(text);
                    yield new PartialDate(text, month.atDay(1), month.atEndOfMonth());
                }
                default -> {
                    var day = LocalDate.parse(text);
                    yield new PartialDate(text, day, day);
                }
            };
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date", e);
        }
    }

    /** Parses a value that may be absent. */
    public static PartialDate parseNullable(String text) {
        return text == null ? null : parse(text);
    }
}
