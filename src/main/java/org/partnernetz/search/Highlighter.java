package org.partnernetz.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.springframework.web.util.HtmlUtils;

/**
 * Finds where a query's words occur in a stored text, the way the full-text index found them: both
 * are run through the same Lucene analyser as the index ({@code german} or {@code english}), so
 * "Ausbildungen" marks "Ausbildung". The index itself says only that a node matched, not where.
 */
final class Highlighter {

    /** Characters of context either side of the first match in a snippet. */
    private static final int CONTEXT = 80;

    private static final Analyzer GERMAN = new GermanAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private Highlighter() {
    }

    /** A span of a text, by UTF-16 offsets, end exclusive. */
    record Span(int start, int end) {
    }

    static Analyzer analyzer(String language) {
        return "en".equals(language) ? ENGLISH : GERMAN;
    }

    /** The analysed terms of a query. */
    static Set<String> terms(String query, String language) {
        var terms = new HashSet<String>();
        tokens(query, language, (term, start, end) -> terms.add(term));
        return terms;
    }

    /** Where the terms occur in the text, in order. */
    static List<Span> matches(String text, Set<String> terms, String language) {
        var spans = new ArrayList<Span>();
        if (text != null) {
            tokens(text, language, (term, start, end) -> {
                if (terms.contains(term)) {
                    spans.add(new Span(start, end));
                }
            });
        }
        return spans;
    }

    /**
     * Up to {@code 2 * CONTEXT} characters around the first match, HTML-escaped, each match inside
     * it wrapped in {@code <mark>}, with an ellipsis where the text was cut.
     */
    static String snippet(String text, List<Span> spans) {
        var from = Math.max(0, spans.getFirst().start() - CONTEXT);
        var to = Math.min(text.length(), spans.getFirst().end() + CONTEXT);
        var html = new StringBuilder(from > 0 ? "…" : "");
        var at = from;
        for (var span : spans) {
            if (span.start() < at || span.end() > to) {
                continue;
            }
            html.append(escape(text.substring(at, span.start())))
                    .append("<mark>").append(escape(text.substring(span.start(), span.end()))).append("</mark>");
            at = span.end();
        }
        html.append(escape(text.substring(at, to))).append(to < text.length() ? "…" : "");
        return html.toString().replaceAll("\\s+", " ");
    }

    /** The start of a text, HTML-escaped, for a hit with nothing to mark. */
    static String plain(String text) {
        var cut = Math.min(text.length(), 2 * CONTEXT);
        return escape(text.substring(0, cut)).replaceAll("\\s+", " ") + (cut < text.length() ? "…" : "");
    }

    /** Only what HTML needs escaped; umlauts and dashes stay as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private interface TokenSink {
        void accept(String term, int start, int end);
    }

    private static void tokens(String text, String language, TokenSink sink) {
        try (var stream = analyzer(language).tokenStream("text", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
