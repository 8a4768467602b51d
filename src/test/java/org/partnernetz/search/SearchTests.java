package org.partnernetz.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Search and mention suggestions over HTTP, against the real embedded Neo4j with the seed and the
 * full-text indexes of schema step 16: German stemming, ranked hits with marked snippets, drafts
 * never found, filters, and the entries a new text names with their offsets.
 */
@FullStackTest
class SearchTests {

    private static final String SEARCH = """
            query($text: String!, $types: [SearchType!], $region: String, $locale: Locale) {
              search(text: $text, types: $types, region: $region, locale: $locale, first: 50) {
                entity { id } content { id key } score matchedField locale snippet } }""";
    private static final String SUGGEST = "query($text: String!) { suggestMentions(text: $text) { entity { id } start end matched } }";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    GraphQlHttp http;
    String editor;

    @BeforeEach
    void tokens() {
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("search admin").secret();
        editor = http.createToken(admin, "search editor", "EDITOR").secret();
    }

    @Test
    void searchingAPluralFindsTheModelProjectAndThePublishedNewsMentioningItRankedWithSnippets() {
        var news = createArticle("Zehn neue Ausbildungsplätze",
                "Die Stadt meldet Erfolge im Modellprojekt **Ausbildung, Chance – Düsseldorf**: alle bestehen die Ausbildung.");
        publish(news);
        var draftOnly = createArticle("Entwurf über Ausbildung", "Noch nicht veröffentlicht: Ausbildung im Entwurf.");

        var hits = search(Map.of("text", "Ausbildungen"));
        var ids = ids(hits);
        assertThat(ids).contains("Project:ausbildung-chance-duesseldorf", news.at("/id").asString())
                .doesNotContain(draftOnly.at("/id").asString());
        var scores = new ArrayList<Double>();
        hits.forEach(hit -> scores.add(hit.at("/score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        var project = hit(hits, "Project:ausbildung-chance-duesseldorf");
        assertThat(project.at("/matchedField").asString()).isEqualTo("name");
        assertThat(project.at("/locale").asString()).isEqualTo("DE");
        assertThat(project.at("/snippet").asString()).contains("<mark>Ausbildung</mark>");
        var article = hit(hits, news.at("/id").asString());
        assertThat(article.at("/matchedField").asString()).isEqualTo("body");
        assertThat(article.at("/snippet").asString()).contains("<mark>Ausbildung</mark>").doesNotContain("**");
    }

    @Test
    void filtersNarrowHitsByTypeRegionAndLanguage() {
        var projects = ids(search(Map.of("text", "Ausbildung", "types", List.of("PROJECT"))));
        assertThat(projects).contains("Project:ausbildung-chance-duesseldorf").allMatch(id -> id.startsWith("Project:"));

        var inDuesseldorf = ids(search(Map.of("text", "Jobcenter", "region", "duesseldorf")));
        assertThat(inDuesseldorf).contains("Organisation:jobcenter-duesseldorf");
        assertThat(ids(search(Map.of("text", "Jobcenter", "region", "muenster")))).doesNotContain("Organisation:jobcenter-duesseldorf");

        // English stemming over the English description: "apprenticeship" finds "apprenticeships".
        var english = search(Map.of("text", "apprenticeship", "locale", "EN"));
        assertThat(ids(english)).contains("Project:ausbildung-chance-duesseldorf");
        assertThat(hit(english, "Project:ausbildung-chance-duesseldorf").at("/locale").asString()).isEqualTo("EN");
    }

    @Test
    void aSearchTextWithLuceneSyntaxIsSearchedAsWordsAndAnEmptyOneIsABadRequest() {
        var response = http.post(null, SEARCH, Map.of("text", "Ausbildung AND (name:* OR \"")); 
        assertThat(response.ok()).as(response.text()).isTrue();
        assertThat(ids(response.body().at("/data/search"))).contains("Project:ausbildung-chance-duesseldorf");

        var empty = http.post(null, SEARCH, Map.of("text", "  "));
        assertThat(empty.classification()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void suggestMentionsFindsTheNamedEntriesWithTheirOffsets() {
        var text = "Gemeinsam mit der IHK NRW und der Caritas lädt das Jobcenter Düsseldorf zum Fachtag ein.";
        var response = http.post(null, SUGGEST, Map.of("text", text));
        assertThat(response.ok()).as(response.text()).isTrue();
        var found = new HashMap<String, JsonNode>();
        response.body().at("/data/suggestMentions").forEach(m -> found.put(m.at("/entity/id").asString(), m));
        assertThat(found).containsKeys("Organisation:ihk-nrw", "Organisation:caritas", "Organisation:jobcenter-duesseldorf");
        for (var expected : Map.of("Organisation:ihk-nrw", "IHK NRW", "Organisation:caritas", "Caritas",
                "Organisation:jobcenter-duesseldorf", "Jobcenter Düsseldorf").entrySet()) {
            var mention = found.get(expected.getKey());
            var start = text.indexOf(expected.getValue());
            assertThat(mention.at("/start").asInt()).isEqualTo(start);
            assertThat(mention.at("/end").asInt()).isEqualTo(start + expected.getValue().length());
            assertThat(mention.at("/matched").asString()).isEqualTo(expected.getValue());
        }
        // The city inside "Jobcenter Düsseldorf" is not suggested on its own: the longer name wins.
        var cityStart = text.indexOf("Düsseldorf");
        response.body().at("/data/suggestMentions").forEach(m ->
                assertThat(m.at("/start").asInt() == cityStart && !m.at("/entity/id").asString().equals("Organisation:jobcenter-duesseldorf"))
                        .as("a shorter name inside a longer one: %s", m).isFalse());
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode search(Map<String, Object> variables) {
        var response = http.post(null, SEARCH, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/search");
    }

    private static List<String> ids(JsonNode hits) {
        var ids = new ArrayList<String>();
        hits.forEach(hit -> ids.add(hit.at("/entity").isNull() || hit.at("/entity").isMissingNode()
                ? hit.at("/content/id").asString() : hit.at("/entity/id").asString()));
        return ids;
    }

    private static JsonNode hit(JsonNode hits, String id) {
        for (var hit : hits) {
            if (id.equals(hit.at("/entity/id").asString(null)) || id.equals(hit.at("/content/id").asString(null))) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + hits);
    }

    private JsonNode createArticle(String title, String body) {
        var response = http.post(editor, """
                mutation($input: CreateContentInput!) { createContent(input: $input) { content { id version } } }""",
                Map.of("input", Map.of("type", "ARTICLE", "title", Map.of("de", title), "body", Map.of("de", body),
                        "regions", List.of("duesseldorf"), "mentions", List.of("Project:ausbildung-chance-duesseldorf"))));
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/createContent/content");
    }

    private void publish(JsonNode item) {
        var response = http.post(editor, """
                mutation($input: PublishContentInput!) { publishContent(input: $input) { content { id status } } }""",
                Map.of("input", Map.of("content", item.at("/id").asString(), "version", item.at("/version").asInt())));
        assertThat(response.ok()).as(response.text()).isTrue();
        assertThat(response.body().at("/data/publishContent/content/status").asString()).isEqualTo("PUBLISHED");
    }
}
