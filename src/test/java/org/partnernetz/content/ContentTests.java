package org.partnernetz.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * Content for partner websites over HTTP, against the real embedded Neo4j: drafts that no partner
 * sees, publication now and at a time, English falling back to German field by field, the body's
 * HTML cleaned, slugs that keep finding an item, two editors on one item, and its history.
 */
@FullStackTest
class ContentTests {

    private static final String NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Content { title status } } }";
    private static final String FIELDS = """
            id key type status view locale title slug summary body bodyHtml version hasUnpublishedChanges
            publishedAt publishAt fieldLocales { field locale } heroImage { url alt credit width height }
            tags regions { key } mentions { id } videos { provider url title }""";
    private static final String CREATE = "mutation($input: CreateContentInput!) { createContent(input: $input) { content { "
            + FIELDS + " } } }";
    private static final String UPDATE = "mutation($input: UpdateContentInput!) { updateContent(input: $input) { content { "
            + FIELDS + " } } }";
    private static final String PUBLISH = "mutation($input: PublishContentInput!) { publishContent(input: $input) { content { "
            + FIELDS + " } } }";
    private static final String ONE = "query($id: ID, $slug: String, $locale: Locale, $preview: Boolean) {"
            + " content(id: $id, slug: $slug, locale: $locale, preview: $preview) { " + FIELDS + " } }";
    private static final String LIST = """
            query($region: String, $tag: String, $mentions: ID, $locale: Locale, $after: String) {
              contents(type: ARTICLE, region: $region, tag: $tag, mentions: $mentions, locale: $locale, first: 50, after: $after) {
                totalCount edges { cursor node { key title } } pageInfo { hasNextPage endCursor } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jClient neo4j;

    GraphQlHttp http;
    String editor;
    String otherEditor;
    String partner;

    @BeforeEach
    void tokens() {
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("content admin").secret();
        editor = http.createToken(admin, "content editor", "EDITOR").secret();
        otherEditor = http.createToken(admin, "second content editor", "EDITOR").secret();
        partner = http.createToken(admin, "partner site", "PARTNER").secret();
    }

    @Test
    void partnersSeeOnlyPublishedNewsInEnglishFallingBackToGermanFieldByField() {
        var tag = "tag-" + System.nanoTime();
        var created = create(Map.of("type", "ARTICLE",
                "title", Map.of("de", "Ausbildung startet in Düsseldorf", "en", "Training starts in Düsseldorf"),
                "summary", Map.of("de", "Neue Plätze für junge Geflüchtete."),
                "body", Map.of("de", "**Ausbildung** für alle <script>alert('x')</script> [mehr](javascript:alert(1))",
                        "en", "Training *now*"),
                "heroImage", Map.of("url", "https://example.org/hero.jpg", "alt", Map.of("de", "Auszubildende in der Werkstatt"),
                        "credit", "Foto: Stadt", "width", 1200, "height", 800),
                "regions", List.of("duesseldorf"), "mentions", List.of("Organisation:stadt-duesseldorf"), "tags", List.of(tag)));
        var id = created.at("/id").asString();
        assertThat(created.at("/status").asString()).isEqualTo("DRAFT");
        assertThat(created.at("/view").asString()).isEqualTo("DRAFT");
        assertThat(created.at("/slug").asString()).isEqualTo("ausbildung-startet-in-duesseldorf");

        // A draft: nobody without EDITOR sees it, in a list or by id.
        for (var reader : new String[] {null, partner}) {
            assertThat(one(reader, Map.of("id", id)).at("/data/content").isNull()).isTrue();
            assertThat(keys(list(reader, Map.of("tag", tag)))).isEmpty();
        }
        assertThat(http.post(null, NODE, Map.of("id", id)).body().at("/data/node").isNull()).as("a draft by node(id:)").isTrue();
        var peek = http.post(partner, ONE, Map.of("id", id, "preview", true));
        assertThat(peek.classification()).isIn("FORBIDDEN", "UNAUTHORIZED");

        publish(id, created.at("/version").asInt(), null);
        var english = one(null, Map.of("id", id, "locale", "EN")).at("/data/content");
        assertThat(english.at("/view").asString()).isEqualTo("PUBLISHED");
        assertThat(english.at("/title").asString()).isEqualTo("Training starts in Düsseldorf");
        assertThat(english.at("/summary").asString()).isEqualTo("Neue Plätze für junge Geflüchtete.");
        assertThat(english.at("/bodyHtml").asString()).isEqualTo("<p>Training <em>now</em></p>");
        assertThat(english.at("/heroImage/alt").asString()).isEqualTo("Auszubildende in der Werkstatt");
        assertThat(locales(english)).containsExactly("title EN", "slug EN", "summary DE", "body EN");
        assertThat(english.at("/mentions/0/id").asString()).isEqualTo("Organisation:stadt-duesseldorf");

        var german = one(partner, Map.of("id", id)).at("/data/content");
        assertThat(german.at("/title").asString()).isEqualTo("Ausbildung startet in Düsseldorf");
        assertThat(german.at("/bodyHtml").asString()).contains("<strong>Ausbildung</strong>")
                .doesNotContain("<script").doesNotContain("javascript:");
        assertThat(locales(german)).containsExactly("title DE", "slug DE", "summary DE", "body DE");

        // Without a locale argument the request's Accept-Language decides.
        var byHeader = http.send(null, ONE, Map.of("id", id), Map.of("Accept-Language", "fr-FR, en-GB;q=0.8, de;q=0.5"));
        assertThat(byHeader.body().at("/data/content/title").asString()).isEqualTo("Training starts in Düsseldorf");
        assertThat(byHeader.body().at("/data/content/locale").asString()).isEqualTo("EN");

        // node(id:) finds the published item too, typed as its kind, in the request's language.
        var node = http.send(null, NODE, Map.of("id", id), Map.of("Accept-Language", "en")).body().at("/data/node");
        assertThat(node.at("/__typename").asString()).isEqualTo("Article");
        assertThat(node.at("/id").asString()).isEqualTo(id);
        assertThat(node.at("/title").asString()).isEqualTo("Training starts in Düsseldorf");
        assertThat(http.post(null, NODE, Map.of("id", "Content:no-such-item")).body().at("/data/node").isNull()).isTrue();

        // Listed for its region's state, and for what it mentions.
        assertThat(keys(list(partner, Map.of("region", "nrw", "tag", tag)))).containsExactly(created.at("/key").asString());
        assertThat(keys(list(null, Map.of("mentions", "Organisation:stadt-duesseldorf", "tag", tag))))
                .containsExactly(created.at("/key").asString());
        assertThat(keys(list(null, Map.of("region", "kreis-olpe", "tag", tag)))).isEmpty();

        // A new draft while published: partners keep the published version until it is published.
        var edited = update(Map.of("content", id, "version", 2, "title", Map.of("de", "Ausbildung startet bald")));
        assertThat(edited.at("/hasUnpublishedChanges").asBoolean()).isTrue();
        assertThat(one(null, Map.of("id", id)).at("/data/content/title").asString()).isEqualTo("Ausbildung startet in Düsseldorf");
        assertThat(one(editor, Map.of("id", id, "preview", true)).at("/data/content/title").asString())
                .isEqualTo("Ausbildung startet bald");
        publish(id, 3, null);
        assertThat(one(null, Map.of("id", id)).at("/data/content/title").asString()).isEqualTo("Ausbildung startet bald");
    }

    @Test
    void twoEditorsOnOneItemOneWinsTheOtherGetsConflictAndTheHistoryShowsTheAcceptedChange() {
        var created = create(Map.of("type", "PAGE", "title", Map.of("de", "Kontakt und Beratung " + System.nanoTime())));
        var id = created.at("/id").asString();
        var first = http.post(editor, UPDATE, Map.of("input", Map.of("content", id, "version", 1,
                "summary", Map.of("de", "Sprechzeiten montags"))));
        assertThat(first.ok()).as(first.text()).isTrue();
        var second = http.post(otherEditor, UPDATE, Map.of("input", Map.of("content", id, "version", 1,
                "summary", Map.of("de", "Sprechzeiten dienstags"))));
        assertThat(second.classification()).isEqualTo("CONFLICT");
        assertThat(second.body().at("/errors/0/extensions/currentVersion").asInt()).isEqualTo(2);

        var history = http.post(editor, """
                query($id: ID) { content(id: $id, preview: true) { summary revisions { totalCount
                  edges { node { version by changes { field to } } } } } }""", Map.of("id", id)).body().at("/data/content");
        assertThat(history.at("/summary").asString()).isEqualTo("Sprechzeiten montags");
        assertThat(history.at("/revisions/totalCount").asInt()).isEqualTo(2);
        assertThat(history.at("/revisions/edges/0/node/by").asString()).isEqualTo("content editor");
        assertThat(history.at("/revisions/edges/0/node/changes/0/field").asString()).isEqualTo("summary_de");
        assertThat(history.at("/revisions/edges/0/node/changes/0/to").asString()).isEqualTo("\"Sprechzeiten montags\"");

        // The history is an editor's: it holds drafts.
        var hidden = http.post(partner, "query($id: ID) { content(id: $id) { revisions { totalCount } } }", Map.of("id", id));
        assertThat(hidden.body().at("/data/content").isNull()).as("an unpublished item is no partner's").isTrue();

        var restored = http.post(editor, """
                mutation($input: RestoreContentRevisionInput!) { restoreContentRevision(input: $input) {
                  content { summary version } } }""", Map.of("input", Map.of("content", id, "revision", 1, "version", 2)));
        assertThat(restored.ok()).as(restored.text()).isTrue();
        assertThat(restored.body().at("/data/restoreContentRevision/content/summary").isNull()).isTrue();
        assertThat(restored.body().at("/data/restoreContentRevision/content/version").asInt()).isEqualTo(3);
    }

    @Test
    void aChangedSlugStillFindsTheItemAndATakenSlugIsRefused() {
        var suffix = String.valueOf(System.nanoTime());
        var created = create(Map.of("type", "ARTICLE", "title", Map.of("de", "Jobmesse " + suffix),
                "slug", Map.of("de", "jobmesse-" + suffix)));
        var id = created.at("/id").asString();
        publish(id, 1, null);
        update(Map.of("content", id, "version", 2, "slug", Map.of("de", "jobmesse-im-herbst-" + suffix)));
        publish(id, 3, null);
        var byOldSlug = one(null, Map.of("slug", "jobmesse-" + suffix)).at("/data/content");
        assertThat(byOldSlug.at("/id").asString()).isEqualTo(id);
        assertThat(byOldSlug.at("/slug").asString()).isEqualTo("jobmesse-im-herbst-" + suffix);

        var other = http.post(editor, CREATE, Map.of("input", Map.of("type", "ARTICLE", "title", Map.of("de", "Andere"),
                "slug", Map.of("de", "jobmesse-" + suffix))));
        assertThat(other.classification()).isEqualTo("BAD_REQUEST");
        assertThat(other.body().at("/errors/0/message").asString()).contains("input.slug");
    }

    @Test
    void anItemPublishedForLaterShowsFromThenOnWhileTheVersionBeforeItStaysLive() throws InterruptedException {
        var created = create(Map.of("type", "ARTICLE", "title", Map.of("de", "Fachtag " + System.nanoTime())));
        var id = created.at("/id").asString();
        publish(id, 1, null);
        update(Map.of("content", id, "version", 2, "summary", Map.of("de", "Programm steht")));
        var at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        var scheduled = publish(id, 3, at.toString());
        assertThat(scheduled.at("/publishAt").asString()).isEqualTo(at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        assertThat(one(null, Map.of("id", id)).at("/data/content/summary").isNull())
                .as("the version before stays live until the time").isTrue();
        Thread.sleep(java.time.Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at).toMillis() + 300);
        assertThat(one(null, Map.of("id", id)).at("/data/content/summary").asString()).isEqualTo("Programm steht");
    }

    @Test
    void aPreviewTokenShowsItsOneDraftAndNothingElseUntilItExpires() throws InterruptedException {
        var suffix = System.nanoTime();
        var draft = create(Map.of("type", "ARTICLE", "title", Map.of("de", "Vorschau " + suffix), "tags", List.of("t" + suffix)));
        var other = create(Map.of("type", "ARTICLE", "title", Map.of("de", "Andere " + suffix)));
        var made = http.post(editor, """
                mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token expiresAt content { id } } }""",
                Map.of("input", Map.of("content", draft.at("/id").asString(), "expiresInSeconds", 2)));
        assertThat(made.ok()).as(made.text()).isTrue();
        var token = made.body().at("/data/createPreviewToken/token").asString();
        assertThat(token).startsWith("pv_");
        assertThat(neo4j.query("MATCH (t:PreviewToken) WHERE t.hash = $token RETURN count(t) AS n").bind(token).to("token")
                .fetchAs(Long.class).one().orElseThrow()).as("the graph keeps no token in clear").isZero();

        var query = "query($token: String, $id: ID) { content(previewToken: $token, id: $id) { id title view } }";
        var shown = http.post(null, query, Map.of("token", token)).body().at("/data/content");
        assertThat(shown.at("/title").asString()).isEqualTo("Vorschau " + suffix);
        assertThat(shown.at("/view").asString()).isEqualTo("DRAFT");
        assertThat(http.post(null, query, Map.of("token", token, "id", other.at("/id").asString())).body()
                .at("/data/content").isNull()).as("another item's draft").isTrue();
        assertThat(keys(list(null, Map.of("tag", "t" + suffix)))).as("published lists stay as they are").isEmpty();

        Thread.sleep(java.time.Duration.between(OffsetDateTime.now(ZoneOffset.UTC),
                OffsetDateTime.parse(made.body().at("/data/createPreviewToken/expiresAt").asString())).toMillis() + 200);
        var expired = http.post(null, query, Map.of("token", token));
        assertThat(expired.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(expired.body().at("/data/content").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedAndLeavesNothingBehind() {
        long before = contentNodes();
        var cases = List.<Map<String, Object>>of(
                Map.of("type", "ARTICLE", "title", Map.of("de", "Bild"), "heroImage",
                        Map.of("url", "javascript:alert(1)", "width", 10, "height", 10)),
                Map.of("type", "ARTICLE", "title", Map.of("de", "x".repeat(201))),
                Map.of("type", "ARTICLE", "title", Map.of("de", "Falsch"), "slug", Map.of("de", "Nicht Erlaubt")),
                Map.of("type", "ARTICLE", "title", Map.of("de", "Erwähnt"), "mentions", List.of("Organisation:gibt-es-nicht")),
                Map.of("type", "PROJECT_PROFILE", "title", Map.of("de", "Ohne Projekt")),
                Map.of("type", "ARTICLE", "title", Map.of("de", " "), "summary", Map.of("de", "Ohne Titel")));
        for (var input : cases) {
            var refused = http.post(editor, CREATE, Map.of("input", input));
            assertThat(refused.classification()).as(refused.text()).isIn("BAD_REQUEST", "NOT_FOUND");
            assertThat(refused.text()).doesNotContain("Exception").doesNotContain("at org.");
        }
        var anonymous = http.post(null, CREATE, Map.of("input", Map.of("type", "ARTICLE", "title", Map.of("de", "Anonym"))));
        assertThat(anonymous.classification()).isIn("UNAUTHORIZED", "FORBIDDEN");
        assertThat(contentNodes()).isEqualTo(before);
    }

    @Test
    void aProjectProfileShowsItsProject() {
        var created = http.post(editor, CREATE.replace("videos { provider url title }",
                "videos { provider url title } ... on ProjectProfile { project { key } }"), Map.of("input", Map.of(
                "type", "PROJECT_PROFILE", "title", Map.of("de", "Ausbildung – Chance für Düsseldorf " + System.nanoTime()),
                "project", "Project:ausbildung-chance-duesseldorf",
                "videos", List.of(Map.of("url", "https://www.youtube.com/watch?v=abc", "title", Map.of("de", "Film"))))));
        assertThat(created.ok()).as(created.text()).isTrue();
        var content = created.body().at("/data/createContent/content");
        assertThat(content.at("/type").asString()).isEqualTo("PROJECT_PROFILE");
        assertThat(content.at("/project/key").asString()).isEqualTo("ausbildung-chance-duesseldorf");
        assertThat(content.at("/videos/0/provider").asString()).isEqualTo("YOUTUBE");
    }

    @Test
    void anItemShowsTheCollaborationsAmongTheOrganisationsItMentions() {
        var mentioned = List.of("Organisation:jobcenter-duesseldorf", "Organisation:stadt-duesseldorf",
                "Organisation:caritas", "Project:ausbildung-chance-duesseldorf");
        var created = create(Map.of("type", "ARTICLE", "title", Map.of("de", "Gemeinsam für Ausbildung"),
                "mentions", mentioned));
        publish(created.at("/id").asString(), created.at("/version").asInt(), null);
        var response = http.post(partner, """
                query($id: ID) { content(id: $id) { collaborations {
                  organisationA { id } organisationB { id } weight links(first: 5) { kind through { id } } } } }""",
                Map.of("id", created.at("/id").asString()));
        assertThat(response.ok()).as(response.text()).isTrue();
        var pairs = response.body().at("/data/content/collaborations");
        var found = new ArrayList<String>();
        pairs.forEach(pair -> {
            assertThat(mentioned).contains(pair.at("/organisationA/id").asString(), pair.at("/organisationB/id").asString());
            found.add(pair.at("/organisationA/id").asString() + " & " + pair.at("/organisationB/id").asString());
        });
        assertThat(found).contains("Organisation:jobcenter-duesseldorf & Organisation:stadt-duesseldorf");
        var throughProject = new ArrayList<String>();
        pairs.get(found.indexOf("Organisation:jobcenter-duesseldorf & Organisation:stadt-duesseldorf")).at("/links")
                .forEach(link -> throughProject.add(link.at("/through/id").asString()));
        assertThat(throughProject).contains("Project:ausbildung-chance-duesseldorf");
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode create(Map<String, Object> input) {
        var created = http.post(editor, CREATE, Map.of("input", input));
        assertThat(created.ok()).as(created.text()).isTrue();
        return created.body().at("/data/createContent/content");
    }

    private JsonNode update(Map<String, Object> input) {
        var updated = http.post(editor, UPDATE, Map.of("input", input));
        assertThat(updated.ok()).as(updated.text()).isTrue();
        return updated.body().at("/data/updateContent/content");
    }

    private JsonNode publish(String id, int version, String at) {
        var input = new java.util.HashMap<String, Object>(Map.of("content", id, "version", version));
        if (at != null) {
            input.put("publishAt", at);
        }
        var published = http.post(editor, PUBLISH, Map.of("input", input));
        assertThat(published.ok()).as(published.text()).isTrue();
        return published.body().at("/data/publishContent/content");
    }

    private JsonNode one(String bearer, Map<String, Object> variables) {
        var response = http.post(bearer, ONE, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body();
    }

    private JsonNode list(String bearer, Map<String, Object> variables) {
        var response = http.post(bearer, LIST, variables);
        assertThat(response.ok()).as(response.text()).isTrue();
        return response.body().at("/data/contents");
    }

    private static List<String> keys(JsonNode connection) {
        var keys = new ArrayList<String>();
        connection.at("/edges").forEach(edge -> keys.add(edge.at("/node/key").asString()));
        return keys;
    }

    private static List<String> locales(JsonNode content) {
        var locales = new ArrayList<String>();
        content.at("/fieldLocales").forEach(f -> locales.add(f.at("/field").asString() + " " + f.at("/locale").asString()));
        return locales;
    }

    private long contentNodes() {
        return neo4j.query("MATCH (n) WHERE n:Content OR n:ContentVersion OR n:ContentSlug RETURN count(n) AS n")
                .fetchAs(Long.class).one().orElseThrow();
    }
}
