package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The query limits let natural questions through, at the page sizes the schema gives by default,
 * and still refuse abuse quickly.
 */
@FullStackTest
class QueryLimitsTests {

    private static final Pattern OPERATION = Pattern.compile("(?m)^query (\\w+)");
    private static final Pattern FIRST_ARGUMENT = Pattern.compile(",?\\s*first:\\s*\\d+\\s*,?");

    /** Organisations, their projects and those projects' participants, with a second list beside it. */
    private static final String THREE_LEVELS = """
            { organisations {
                totalCount
                edges { node {
                  name kind
                  participations { edges {
                    relationship { role since basis sources { key } }
                    node { ... on Project { name participants { totalCount edges { node { ... on Organisation { name } } relationship { role } } } }
                           ... on Event { name date participants { totalCount edges { node { ... on Organisation { name } } } } } }
                  } }
                  memberOf { edges { node { ... on Organisation { name } } relationship { basis } } }
                } }
            } }""";

    @Autowired
    HttpGraphQlTester graphQl;

    @TestFactory
    Stream<DynamicTest> everySampleQueryIsAnsweredWithDefaultPageSizes() throws IOException {
        var document = Files.readString(Path.of("sample-queries.graphql"));
        var withoutFirst = FIRST_ARGUMENT.matcher(document).replaceAll(matched ->
                matched.group().startsWith(",") && matched.group().endsWith(",") ? ", " : "");
        assertThat(withoutFirst).doesNotContain("first:").contains("query ");
        var operations = OPERATION.matcher(withoutFirst).results().map(m -> m.group(1)).toList();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(6);
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation, () ->
                graphQl.document(withoutFirst.replaceAll("\\(\\s*\\)", "")).operationName(operation).execute()
                        .errors().verify()
                        .path("").entity(java.util.Map.class).satisfies(data -> assertThat(data.values()).doesNotContainNull())));
    }

    @Test
    void threeLevelsOfNestedListsWithDefaultPageSizesAreAnswered() {
        var response = graphQl.document(THREE_LEVELS).execute().errors().verify();
        assertThat(response.path("organisations.edges").entityList(Object.class).get()).hasSize(20);
        assertThat(response.path("organisations.edges[*].node.participations.edges[*].node.participants.edges[*].node.name")
                .entityList(String.class).get()).isNotEmpty();
    }

    @Test
    void fiveHundredAliasesOfAListAreRefusedQuickly() {
        var aliases = IntStream.range(0, 500)
                .mapToObj(i -> "a" + i + ": organisations(first: 1) { edges { node { name } } }")
                .collect(Collectors.joining("\n", "{\n", "\n}"));
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            long started = System.nanoTime();
            graphQl.document(aliases).execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                assertThat(error.getMessage()).contains("fields");
            })).path("a0").pathDoesNotExist();
            fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(fastest).as("milliseconds to refuse 500 aliases (best of 5)").isLessThan(100);
    }

    @Test
    void aFragmentBombIsRefusedQuickly() {
        // Each fragment spreads the one before twice: 24 levels would select 2^23 names.
        var fragments = new StringBuilder("fragment F0 on Organisation { name }\n");
        for (int level = 1; level < 24; level++) {
            fragments.append("fragment F").append(level).append(" on Organisation { ...F").append(level - 1)
                    .append(" ...F").append(level - 1).append(" }\n");
        }
        var bomb = "{ organisation(id: \"whkt\") { ...F23 } }\n" + fragments;
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            graphQl.document(bomb).execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                assertThat(error.getMessage()).contains("more than 500 fields");
            })).path("organisation").pathDoesNotExist();
            fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(fastest).as("milliseconds to refuse the fragment bomb (best of 3)").isLessThan(100);
    }

    /** Organisations, their participations with the sources of each level: a researcher's provenance question. */
    private static final String PROVENANCE = """
            { organisations {
                edges { node {
                  name sources { edges { node { title } } }
                  participations { edges {
                    relationship { role sources { key title } }
                    node { ... on Project { name sources { edges { node { title } } }
                             participants { edges { node { ... on Organisation { name sources { edges { node { title } } } } } } } } }
                  } }
                } }
            } }""";

    @Test
    void provenanceAtEveryLevelIsAnswered() {
        var response = graphQl.document(PROVENANCE).execute().errors().verify();
        assertThat(response.path("organisations.edges[*].node.participations.edges[*].relationship.sources[*].key")
                .entityList(String.class).get()).isNotEmpty();
    }

    @Test
    void eightLevelsOfObjectsAreAnsweredNineAreRefused() {
        graphQl.document(nested(7)).execute().errors().verify().path("organisation").hasValue();
        graphQl.document(nested(8)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("nested 9 levels deep");
                }))
                .path("organisation").pathDoesNotExist();
    }

    /** An organisation and {@code lists} nested lists of members and memberships below it, one item each. */
    private static String nested(int lists) {
        var nested = new StringBuilder("{ organisation(id: \"whkt\") { id ");
        for (int level = 0; level < lists; level++) {
            nested.append(level % 2 == 0 ? "memberOf" : "members").append("(first: 1) { edges { node { ... on Organisation { id ");
        }
        return nested.append(" } } } }".repeat(lists)).append(" } }").toString();
    }

    @Test
    void manyFieldsOnOneObjectAreAnsweredButNotMoreThanTheFieldLimit() {
        var names = IntStream.range(0, 440).mapToObj(i -> "n" + i + ": name").collect(Collectors.joining(" "));
        graphQl.document("{ organisation(id: \"whkt\") { " + names + " } }").execute().errors().verify()
                .path("organisation.n439").entity(String.class).isEqualTo("Westdeutscher Handwerkskammertag");
        var lists = IntStream.range(0, 126).mapToObj(i -> "l" + i + ": memberOf(first: 1) { edges { node { id } } }")
                .collect(Collectors.joining(" "));
        graphQl.document("{ organisation(id: \"whkt\") { " + lists + " } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("more than 500 fields");
                }));
    }

    @Test
    void moreThanTwentyRootFieldsAreRefused() {
        var roots = IntStream.range(0, 21).mapToObj(i -> "p" + i + ": partners(region: \"nrw\", first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl.document(roots).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("21 fields at the top");
                }));
        var twenty = IntStream.range(0, 20).mapToObj(i -> "p" + i + ": partners(region: \"nrw\", first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl.document(twenty).execute().errors().verify().path("p19.totalCount").entity(Integer.class)
                .satisfies(total -> assertThat(total).isPositive());
    }

    @Test
    void aHugeDocumentIsRefusedBeforeItRuns() {
        var huge = IntStream.range(0, 20_000).mapToObj(i -> "name").collect(Collectors.joining(" ",
                "{ organisations(first: 1) { edges { node { ", " } } } }"));
        graphQl.document(huge).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error ->
                        assertThat(error.getMessage()).containsIgnoringCase("token")))
                .path("organisations").pathDoesNotExist();
    }
}
