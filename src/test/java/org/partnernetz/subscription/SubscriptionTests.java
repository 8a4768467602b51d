package org.partnernetz.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.GraphQlSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions end to end: a real WebSocket client speaking graphql-transport-ws to the running hub,
 * and the hub's own mutations over HTTP making the changes. A publication arrives within a second,
 * filtered and in the language asked for; one published for later arrives when it shows; editors'
 * changes of entries and their relationships arrive as entity changes; bad arguments are classified
 * errors.
 */
@FullStackTest
class SubscriptionTests {

    private static final String CONTENT_PUBLISHED = """
            subscription($tag: String, $region: String, $locale: Locale) {
              contentPublished(tag: $tag, region: $region, locale: $locale) {
                event occurredAt content { id title summary locale status fieldLocales { field locale } }
              }
            }""";
    private static final String ENTITY_CHANGED = """
            subscription($ids: [ID!], $types: [EntityType!], $region: String) {
              entityChanged(ids: $ids, types: $types, region: $region) {
                change id type version fields relationship occurredAt entity { id ... on Organisation { name } }
              }
            }""";
    private static final String CREATE_CONTENT = """
            mutation($input: CreateContentInput!) { createContent(input: $input) { content { id } } }""";
    private static final String PUBLISH = """
            mutation($input: PublishContentInput!) { publishContent(input: $input) { content { id } } }""";
    private static final String SOURCE = "src-whkt-2019-06-26-ehrenamt-bewegt";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    GraphQlHttp http;
    String editor;
    GraphQlSocket socket;

    @BeforeEach
    void connect() throws InterruptedException {
        http = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("subscription admin").secret();
        editor = http.createToken(admin, "subscription editor", "EDITOR").secret();
        // No credential: what subscriptions show is public.
        socket = GraphQlSocket.open(port, Map.of());
    }

    @AfterEach
    void close() {
        socket.close();
    }

    @Test
    void aPublicationArrivesWithinASecondFilteredAndInTheLanguageAsked() throws InterruptedException {
        var tag = "live-" + System.nanoTime();
        socket.subscribe("mine", CONTENT_PUBLISHED, Map.of("tag", tag, "region", "rb-duesseldorf", "locale", "EN"));
        socket.subscribe("other-tag", CONTENT_PUBLISHED, Map.of("tag", tag + "-other"));
        socket.subscribe("other-region", CONTENT_PUBLISHED, Map.of("tag", tag, "region", "muenster"));
        settle();

        // About Kreis Kleve, which lies in the Regierungsbezirk Düsseldorf; German title, English summary.
        var item = create(tag, "kreis-kleve", null);
        long publishing = System.nanoTime();
        publish(item, null);
        long answered = System.nanoTime();
        var got = socket.next("mine", Duration.ofSeconds(5));
        long arrived = System.nanoTime();
        assertThat(got).as("the publication").isNotNull();
        assertThat(got.at("/type").asString()).as(got.toString()).isEqualTo("next");
        assertThat(Duration.ofNanos(arrived - answered)).as("from the publish's answer to the message")
                .isLessThan(Duration.ofSeconds(1));
        var publication = got.at("/payload/data/contentPublished");
        assertThat(publication.at("/event").asString()).isEqualTo("CONTENT_PUBLISHED");
        assertThat(publication.at("/content/id").asString()).isEqualTo(item);
        assertThat(publication.at("/content/status").asString()).isEqualTo("PUBLISHED");
        assertThat(publication.at("/content/locale").asString()).isEqualTo("EN");
        assertThat(publication.at("/content/title").asString()).startsWith("Live-Meldung");
        assertThat(publication.at("/content/summary").asString()).isEqualTo("In English");
        assertThat(locales(publication.at("/content/fieldLocales"))).containsEntry("title", "DE").containsEntry("summary", "EN");
        assertThat(OffsetDateTime.parse(publication.at("/occurredAt").asString()))
                .isBetween(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(10), OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(Duration.ofNanos(answered - publishing)).isLessThan(Duration.ofSeconds(10));

        // The other tag and the other region heard nothing; the other tag hears its own.
        assertThat(socket.next("other-tag", Duration.ofMillis(600))).as("another tag's subscriber").isNull();
        assertThat(socket.next("other-region", Duration.ofMillis(100))).as("another region's subscriber").isNull();
        publish(create(tag + "-other", "nrw", null), null);
        var theirs = socket.next("other-tag", Duration.ofSeconds(5));
        assertThat(theirs).as("the other tag's own publication").isNotNull();
        assertThat(theirs.at("/payload/data/contentPublished/content/title").asString()).startsWith("Live-Meldung " + tag + "-other");
        assertThat(socket.next("mine", Duration.ofMillis(600))).as("nothing of another tag").isNull();
    }

    @Test
    void anItemPublishedForLaterArrivesWhenItShows() throws InterruptedException {
        var tag = "later-" + System.nanoTime();
        socket.subscribe("later", CONTENT_PUBLISHED, Map.of("tag", tag));
        settle();
        var item = create(tag, "nrw", null);
        var at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
        publish(item, at);
        var got = socket.next("later", Duration.ofSeconds(8));
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(got).as("the publication at its time").isNotNull();
        assertThat(now).as("arrived").isAfterOrEqualTo(at);
        assertThat(Duration.between(at, now)).as("late by").isLessThan(Duration.ofSeconds(1));
        assertThat(got.at("/payload/data/contentPublished/content/status").asString()).isEqualTo("PUBLISHED");
        assertThat(socket.next("later", Duration.ofMillis(800))).as("a second message for one publication").isNull();
    }

    @Test
    void editorsChangesOfEntriesArriveAsEntityChanges() throws InterruptedException {
        var created = http.post(editor, """
                mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id version } } }""",
                Map.of("input", Map.of("name", "Live-Beratung " + System.nanoTime(), "kind", "NONPROFIT",
                        "sources", List.of(SOURCE))));
        assertThat(created.ok()).as(created.text()).isTrue();
        var id = created.body().at("/data/createOrganisation/organisation/id").asString();
        socket.subscribe("this-one", ENTITY_CHANGED, Map.of("ids", List.of(id)));
        socket.subscribe("projects", ENTITY_CHANGED, Map.of("types", List.of("PROJECT")));
        socket.subscribe("kleve", ENTITY_CHANGED, Map.of("types", List.of("ORGANISATION"), "region", "rb-duesseldorf"));
        settle();

        var renamed = http.post(editor, """
                mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { version } } }""",
                Map.of("input", Map.of("organisation", id, "version", 1, "shortName", "LB")));
        assertThat(renamed.ok()).as(renamed.text()).isTrue();
        var update = socket.next("this-one", Duration.ofSeconds(5));
        assertThat(update).as("the update").isNotNull();
        var change = update.at("/payload/data/entityChanged");
        assertThat(change.at("/change").asString()).isEqualTo("UPDATED");
        assertThat(change.at("/id").asString()).isEqualTo(id);
        assertThat(change.at("/type").asString()).isEqualTo("ORGANISATION");
        assertThat(change.at("/version").asInt()).isEqualTo(2);
        assertThat(change.at("/fields").toString()).isEqualTo("[\"shortName\"]");
        assertThat(change.at("/entity/id").asString()).isEqualTo(id);
        // Not yet in any region: the region's subscriber did not hear of it.
        assertThat(socket.next("kleve", Duration.ofMillis(500))).as("a region's subscriber, of an entry outside it").isNull();

        var located = http.post(editor, """
                mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { id } }""",
                Map.of("input", Map.of("type", "LOCATED_IN", "from", id, "to", "kreis-kleve", "basis", "STATED",
                        "sources", List.of(SOURCE))));
        assertThat(located.ok()).as(located.text()).isTrue();
        var relationship = located.body().at("/data/addRelationship/id").asString();
        for (var subscriber : List.of("this-one", "kleve")) {
            var tie = socket.next(subscriber, Duration.ofSeconds(5));
            assertThat(tie).as(subscriber + ": the new relationship").isNotNull();
            assertThat(tie.at("/payload/data/entityChanged/change").asString()).isEqualTo("RELATIONSHIPS");
            assertThat(tie.at("/payload/data/entityChanged/relationship").asString()).isEqualTo(relationship);
            assertThat(tie.at("/payload/data/entityChanged/fields/0").asString()).isEqualTo("LOCATED_IN");
        }
        // Kreis Kleve's own relationships changed too; only the organisation matched "this-one".
        assertThat(socket.next("this-one", Duration.ofMillis(300))).isNull();
        assertThat(socket.next("projects", Duration.ofMillis(100))).as("a subscriber to projects").isNull();

        // Leaving the region: its subscriber hears of it (announced before the relationship goes).
        var removed = http.post(editor, """
                mutation($id: ID!) { removeRelationship(input: {id: $id, version: 1}) { id } }""", Map.of("id", relationship));
        assertThat(removed.ok()).as(removed.text()).isTrue();
        var left = socket.next("kleve", Duration.ofSeconds(5));
        assertThat(left).as("the region's subscriber, of an entry leaving it").isNotNull();
        assertThat(left.at("/payload/data/entityChanged/change").asString()).isEqualTo("RELATIONSHIPS");
        assertThat(left.at("/payload/data/entityChanged/version").asInt()).isEqualTo(2);
    }

    @Test
    void badArgumentsAreClassifiedErrors() throws InterruptedException {
        socket.subscribe("nowhere", CONTENT_PUBLISHED, Map.of("region", "atlantis"));
        var error = socket.next("nowhere", Duration.ofSeconds(5));
        assertThat(error).as("an answer").isNotNull();
        assertThat(error.at("/type").asString()).as(error.toString()).isEqualTo("error");
        assertThat(error.at("/payload/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");

        socket.subscribe("malformed", ENTITY_CHANGED, Map.of("ids", List.of("no-such-id")));
        var malformed = socket.next("malformed", Duration.ofSeconds(5));
        assertThat(malformed).as("an answer").isNotNull();
        assertThat(malformed.at("/payload/0/extensions/classification").asString()).as(malformed.toString())
                .isEqualTo("BAD_REQUEST");
        assertThat(malformed.toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** graphql-transport-ws acknowledges no subscribe: the hub is given a moment to take them up. */
    private static void settle() throws InterruptedException {
        Thread.sleep(500);
    }

    private String create(String tag, String region, String english) {
        var created = http.post(editor, CREATE_CONTENT, Map.of("input", Map.of("type", "ARTICLE",
                "title", Map.of("de", "Live-Meldung " + tag + " " + System.nanoTime()),
                "summary", Map.of("en", english == null ? "In English" : english),
                "tags", List.of(tag), "regions", List.of(region))));
        assertThat(created.ok()).as(created.text()).isTrue();
        return created.body().at("/data/createContent/content/id").asString();
    }

    private void publish(String item, OffsetDateTime at) {
        var input = new java.util.HashMap<String, Object>(Map.of("content", item, "version", 1));
        if (at != null) {
            input.put("publishAt", at.toString());
        }
        var published = http.post(editor, PUBLISH, Map.of("input", input));
        assertThat(published.ok()).as(published.text()).isTrue();
    }

    private static Map<String, String> locales(JsonNode fieldLocales) {
        var map = new java.util.HashMap<String, String>();
        fieldLocales.forEach(entry -> map.put(entry.at("/field").asString(), entry.at("/locale").asString()));
        return map;
    }
}
