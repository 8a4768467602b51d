package org.partnernetz.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.jsoup.Jsoup;
import org.neo4j.driver.types.Node;
import org.partnernetz.content.ContentService;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graph.SearchText;
import org.partnernetz.graphql.BadRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over the network's entries and the live content, and the mentions an editor may
 * link in a new text. Public: it reads only what public reads show (archived entries carry no
 * indexed label; only an item's live published version is found).
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    /** The longest search text, and the longest text {@code suggestMentions} reads. */
    static final int MAX_QUERY = 200;
    static final int MAX_TEXT = 20_000;
    /** The most hits one search returns. */
    static final int MAX_HITS = 50;
    /** The most words a name can have and still be found in a text. */
    private static final int MAX_NAME_WORDS = 8;
    /** Shorter compacted names are not looked for ("EU" is a word more often than a mention). */
    private static final int MIN_NAME_LENGTH = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The entry types a search can be narrowed to, by the API's enum value. */
    private static final Map<String, Label> ENTRY_TYPES = Map.of("ORGANISATION", Label.Organisation,
            "PROJECT", Label.Project, "EVENT", Label.Event, "PERSON", Label.Person, "REGION", Label.Region);
    private static final Set<String> CONTENT_TYPES = Set.of("ARTICLE", "PAGE", "PROJECT_PROFILE");

    private final SearchQueries queries;
    private final ContentService content;
    private final EntityQueries entities;
    private final Nodes nodes;

    SearchService(SearchQueries queries, ContentService content, EntityQueries entities, Nodes nodes) {
        this.queries = queries;
        this.content = content;
        this.entities = entities;
        this.nodes = nodes;
    }

    /**
     * Entries and live items matching {@code text} in German, English or both ({@code locale} null),
     * best first: each hit names the field that matched first (names before descriptions, titles
     * before bodies) and shows it with the matches marked.
     */
    public List<SearchHit> search(String text, List<String> types, String region, String locale, int first) {
        if (text == null || text.isBlank() || text.length() > MAX_QUERY) {
            throw new BadRequestException("text must have 1 to " + MAX_QUERY + " characters");
        }
        if (first < 1 || first > MAX_HITS) {
            throw new BadRequestException("first must be between 1 and " + MAX_HITS);
        }
        // Escaped and in lower case, so the words are words: no Lucene operators, fields or wildcards.
        var query = QueryParser.escape(text.trim()).toLowerCase(Locale.ROOT);
        var languages = locale == null ? List.of("de", "en") : List.of(locale.toLowerCase(Locale.ROOT));
        var labels = types == null ? null : types.stream().filter(ENTRY_TYPES::containsKey)
                .map(type -> ENTRY_TYPES.get(type).name()).toList();
        var contentTypes = types == null ? null : types.stream().filter(CONTENT_TYPES::contains).toList();
        var regions = region == null ? null : content.regionsIn(entities.resolveKey(Label.Region, region, "region"));
        var best = new LinkedHashMap<String, SearchHit>();
        for (var language : languages) {
            var terms = Highlighter.terms(text, language);
            if (labels == null || !labels.isEmpty()) {
                for (var found : queries.entries("entity_text_" + language, query, labels, regions, first)) {
                    keep(best, "entry/" + found.node().get("key").asString(), entryHit(found, terms, language));
                }
            }
            if (contentTypes == null || !contentTypes.isEmpty()) {
                for (var found : content.search(query, language, contentTypes, regions, first, nodes)) {
                    keep(best, "content/" + found.item().key(), contentHit(found, terms, language));
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(SearchHit::score).reversed()).limit(first)
                .toList();
    }

    /**
     * The organisations, projects, people and places {@code text} names by one of their names or
     * aliases (case, accents and punctuation aside), in the order of the text. Where names overlap,
     * the longer wins: "Jobcenter Düsseldorf" is the job centre, not also the city.
     */
    public List<Mention> suggestMentions(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new BadRequestException("text must have 1 to " + MAX_TEXT + " characters");
        }
        var words = WORD.matcher(text).results().toList();
        var spans = new HashMap<String, List<int[]>>();
        for (int i = 0; i < words.size(); i++) {
            for (int j = i; j < Math.min(words.size(), i + MAX_NAME_WORDS); j++) {
                var start = words.get(i).start();
                var end = words.get(j).end();
                var name = SearchText.compact(text.substring(start, end));
                if (name.length() >= MIN_NAME_LENGTH) {
                    spans.computeIfAbsent(name, n -> new ArrayList<>()).add(new int[] {start, end});
                }
            }
        }
        var found = new ArrayList<Mention>();
        var names = new ArrayList<>(spans.keySet());
        // Lucene takes at most 1024 clauses in one query.
        for (int from = 0; from < names.size(); from += 500) {
            for (Node node : queries.named(names.subList(from, Math.min(names.size(), from + 500)))) {
                var entity = nodes.toObject(node);
                for (var name : node.get("searchText").asString("").split("\n")) {
                    for (var span : spans.getOrDefault(name, List.of())) {
                        found.add(new Mention(entity, span[0], span[1], text.substring(span[0], span[1])));
                    }
                }
            }
        }
        var longestFirst = found.stream().distinct()
                .sorted(Comparator.comparingInt((Mention m) -> m.start() - m.end())).toList();
        var kept = new ArrayList<Mention>();
        for (var mention : longestFirst) {
            if (kept.stream().noneMatch(k -> k.start() <= mention.start() && mention.end() <= k.end()
                    && k.end() - k.start() > mention.end() - mention.start())) {
                kept.add(mention);
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> m.entity().key()));
        return kept;
    }

    private static void keep(Map<String, SearchHit> best, String key, SearchHit hit) {
        best.merge(key, hit, (a, b) -> a.score() >= b.score() ? a : b);
    }

    private SearchHit entryHit(SearchQueries.Found found, Set<String> terms, String language) {
        var node = found.node();
        var texts = new LinkedHashMap<String, List<String>>();
        texts.put("name", List.of(node.get("name").asString("")));
        texts.put("shortName", List.of(node.get("shortName").asString("")));
        texts.put("aliases", node.get("aliases").isNull() ? List.of() : node.get("aliases").asList(v -> v.asString()));
        texts.put("description", List.of(node.get("de".equals(language) ? "description" : "descriptionEn").asString("")));
        return hit(nodes.toObject(node), null, found.score(), texts, terms, language);
    }

    private SearchHit contentHit(ContentService.SearchHit found, Set<String> terms, String language) {
        var texts = new LinkedHashMap<String, List<String>>();
        for (var field : List.of("title", "summary")) {
            var value = found.texts().get(field + "_" + language);
            texts.put(field, value == null ? List.of() : List.of(value.toString()));
        }
        // The body as a reader sees it: the text of its rendered HTML, without Markdown's marks.
        var html = found.texts().get("html_" + language);
        texts.put("body", html == null ? List.of() : List.of(Jsoup.parse(html.toString()).text()));
        return hit(null, found.item(), found.score(), texts, terms, language);
    }

    private static SearchHit hit(org.partnernetz.graph.GraphObject entity, org.partnernetz.content.ContentItem item,
            double score, Map<String, List<String>> texts, Set<String> terms, String language) {
        for (var field : texts.entrySet()) {
            for (var value : field.getValue()) {
                var spans = Highlighter.matches(value, terms, language);
                if (!spans.isEmpty()) {
                    return new SearchHit(entity, item, score, field.getKey(), language.toUpperCase(Locale.ROOT),
                            Highlighter.snippet(value, spans));
                }
            }
        }
        // The index matched on a form the highlighter does not mark: show the first text unmarked.
        var first = texts.values().stream().flatMap(List::stream).filter(v -> !v.isBlank()).findFirst().orElse("");
        return new SearchHit(entity, item, score, texts.keySet().iterator().next(), language.toUpperCase(Locale.ROOT),
                Highlighter.plain(first));
    }
}
