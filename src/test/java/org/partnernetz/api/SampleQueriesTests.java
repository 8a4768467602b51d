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

/** Every operation in sample-queries.graphql runs against the seed without errors and finds something. */
@FullStackTest
class SampleQueriesTests {

    private static final Pattern OPERATION = Pattern.compile("(?m)^query (\\w+)");

    @Autowired
    HttpGraphQlTester graphQl;

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
}
