package org.partnernetz.bookmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnernetz.account.ApiTokens;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.HubProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Read-your-writes across two hub instances on one database: a write on one hands back a bookmark,
 * and a read on the other with that bookmark sees the write. The bookmark reaches Neo4j: one that is
 * well formed but not the database's is refused by Neo4j itself, as a classified error.
 */
@FullStackTest
class BookmarkInstancesTests {

    private static final String CREATE = """
            mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { slug } } }""";
    private static final String READ = "query($slug: String) { organisation(slug: $slug) { name } }";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Neo4jConnectionDetails neo4j;

    @Test
    void aReadOnTheOtherInstanceWithTheBookmarkOfAWriteSeesTheWrite() {
        var here = new GraphQlHttp(port);
        var admin = tokens.createFirstAdmin("bookmark admin").secret();
        var editor = here.createToken(admin, "bookmark editor", "EDITOR").secret();
        try (var second = HubProcess.start("bookmark-instance", List.of("--NEO4J_URI=" + neo4j.getUri(),
                "--partnernetz.seed.mode=never", "--partnernetz.measures.enabled=false"))) {
            var there = new GraphQlHttp(second.port());

            var written = here.post(editor, CREATE, Map.of("input", Map.of("name", "Lesestelle Lesbar Test",
                    "kind", "NONPROFIT", "sources", List.of("src-whkt-2019-06-26-ehrenamt-bewegt"))));
            assertThat(written.ok()).as(written.text()).isTrue();
            var bookmark = written.header("Neo4j-Bookmark");
            assertThat(bookmark).as("the write's bookmark").isNotBlank();
            assertThat(written.body().at("/extensions/bookmark").asString()).isEqualTo(bookmark);
            var slug = written.body().at("/data/createOrganisation/organisation/slug").asString();

            var read = there.send(null, READ, Map.of("slug", slug), Map.of("Neo4j-Bookmark", bookmark));
            assertThat(read.ok()).as(read.text()).isTrue();
            assertThat(read.body().at("/data/organisation/name").asString()).isEqualTo("Lesestelle Lesbar Test");
            assertThat(read.header("Neo4j-Bookmark")).as("the read's own bookmark").isNotBlank();

            var foreign = token("FB:not-a-bookmark-of-this-database");
            var refused = there.send(null, READ, Map.of("slug", slug), Map.of("Neo4j-Bookmark", foreign));
            assertThat(refused.classification()).as(refused.text()).isEqualTo("BAD_REQUEST");
            assertThat(refused.body().at("/errors/0/message").asString()).contains("bookmark");

            var garbled = there.send(null, READ, Map.of("slug", slug), Map.of("Neo4j-Bookmark", "not base64!"));
            assertThat(garbled.status()).isEqualTo(400);
            assertThat(garbled.classification()).isEqualTo("BAD_REQUEST");
            assertThat(second.log()).doesNotContain("Exception");
        }
    }

    private static String token(String bookmark) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bookmark.getBytes(StandardCharsets.UTF_8));
    }
}
