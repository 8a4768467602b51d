package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.partnernetz.support.FullStackTest;
import org.partnernetz.support.GraphQlHttp;
import org.partnernetz.support.GraphQlSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every query in sample-queries.graphql runs against the seed without errors and finds something;
 * its mutations run in order for an editor, each without errors, and before the queries (method
 * order), so that the partner-website queries find the news the editor published; each of its
 * subscriptions, over a real WebSocket, hears of an article published while it listens.
 */
@FullStackTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class SampleQueriesTests {

    private static final Pattern OPERATION = Pattern.compile("(?m)^query (\\w+)");

    private static final Pattern MUTATION = Pattern.compile("(?m)^mutation (\\w+)");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(?m)^subscription (\\w+)");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    org.partnernetz.account.ApiTokens tokens;

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> sampleQueriesAnswer() throws IOException {
        var document = Files.readString(Path.of("sample-queries.graphql"));
        var operations = OPERATION.matcher(document).results().map(m -> m.group(1)).toList();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(6);
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation, () -> {
            var data = graphQl.document(document).operationName(operation).execute()
                    .path("").entity(java.util.Map.class).get();
            var root = data.values().iterator().next();
            assertThat(root).as(operation + " returns its object").isNotNull();
            assertThat(root.toString()).as(operation + " finds content").doesNotContain("totalCount=0");
        }));
    }

    @TestFactory
    Stream<DynamicTest> sampleMutationsRunInOrderForAnEditor() throws IOException {
        var document = Files.readString(Path.of("sample-queries.graphql"));
        var operations = MUTATION.matcher(document).results().map(m -> m.group(1)).toList();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(5);
        var admin = tokens.createFirstAdmin("samples admin").secret();
        var editor = graphQl.mutate().header("Authorization", "Bearer " + admin).build()
                .document("mutation { createApiToken(input: {name: \"samples editor\", role: EDITOR}) { secret } }")
                .execute().path("createApiToken.secret").entity(String.class).get();
        var asEditor = graphQl.mutate().header("Authorization", "Bearer " + editor).build();
        var steps = operations.stream().map(operation -> DynamicTest.dynamicTest(operation, () -> {
            var data = asEditor.document(document).operationName(operation).execute().errors().verify()
                    .path("").entity(java.util.Map.class).get();
            assertThat(data.values()).as(operation + " returns its payload").doesNotContainNull().isNotEmpty();
        }));
        // The sample project leaves the public graph again, so that the tests reading the seed find only the seed.
        var cleanUp = DynamicTest.dynamicTest("archive the sample project", () -> asEditor.document("""
                mutation { archiveEntity(input: {id: "Project:beispielprojekt-sprachcafe", version: 4}) { version } }""")
                .execute().path("archiveEntity.version").entity(Integer.class).isEqualTo(5));
        return Stream.concat(steps, Stream.of(cleanUp));
    }

    @TestFactory
    Stream<DynamicTest> sampleSubscriptionsHearOfAPublication() throws IOException {
        var document = Files.readString(Path.of("sample-queries.graphql"));
        var operations = SUBSCRIPTION.matcher(document).results().map(m -> m.group(1)).toList();
        assertThat(operations).isNotEmpty();
        var admin = tokens.createFirstAdmin("samples live admin").secret();
        var http = new GraphQlHttp(port);
        var editor = http.createToken(admin, "samples live editor", "EDITOR").secret();
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation, () -> {
            try (var socket = GraphQlSocket.open(port, java.util.Map.of())) {
                socket.subscribe(operation, document, operation, java.util.Map.of());
                Thread.sleep(500);
                // An article the sample's filters take: about NRW, tagged "ausbildung"; archived after.
                var created = http.post(editor, """
                        mutation { createContent(input: {type: ARTICLE, title: {de: "Beispiel Livemeldung"},
                          regions: ["duesseldorf"], tags: ["ausbildung"]}) { content { id } } }""", java.util.Map.of());
                assertThat(created.ok()).as(created.text()).isTrue();
                var id = created.body().at("/data/createContent/content/id").asString();
                var published = http.post(editor, "mutation($id: ID!) { publishContent(input: {content: $id, version: 1}) { content { id } } }",
                        java.util.Map.of("id", id));
                assertThat(published.ok()).as(published.text()).isTrue();
                var message = socket.next(operation, java.time.Duration.ofSeconds(5));
                assertThat(message).as(operation + " hears of the publication").isNotNull();
                assertThat(message.at("/payload/data/contentPublished/content/id").asString()).isEqualTo(id);
                var archived = http.post(editor, "mutation($id: ID!) { archiveContent(input: {content: $id, version: 2}) { content { status } } }",
                        java.util.Map.of("id", id));
                assertThat(archived.ok()).as(archived.text()).isTrue();
            }
        }));
    }
}
