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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every query in sample-queries.graphql runs against the seed without errors and finds something;
 * its mutations run in order for an editor, each without errors, and before the queries (method
 * order), so that the partner-website queries find the news the editor published.
 */
@FullStackTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class SampleQueriesTests {

    private static final Pattern OPERATION = Pattern.compile("(?m)^query (\\w+)");

    private static final Pattern MUTATION = Pattern.compile("(?m)^mutation (\\w+)");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    org.partnernetz.account.ApiTokens tokens;

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
}
