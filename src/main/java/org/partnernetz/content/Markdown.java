package org.partnernetz.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A body in Markdown as the HTML partner websites embed: rendered by commonmark (CommonMark, raw
 * HTML in the text escaped rather than passed on) and then cleaned by jsoup's allow-list, so that
 * no script, event handler, style or {@code javascript:} link reaches a page, whatever the editor
 * typed. Links get {@code rel="nofollow noopener"}; images only from http(s).
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("div", "span")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addProtocols("img", "src", "https", "http")
            .removeProtocols("a", "href", "ftp");

    private Markdown() {
    }

    /** The sanitised HTML of a Markdown text; null for none. */
    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        var rendered = RENDERER.render(PARSER.parse(markdown));
        var cleaned = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(rendered));
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html().strip();
    }
}
