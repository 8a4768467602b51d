package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Cursors mark a position in a list's order, not an offset: when something is inserted before that
 * position between two requests, the next page neither repeats an item nor skips one.
 */
@FullStackTest
class CursorTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    org.partnernetz.network.PartnerDerivation partners;

    @Test
    void aRootListContinuesWhereItWasAfterAnInsertBeforeTheCursor() {
        var expected = keys("{ organisations(first: 10) { edges { node { key } } } }", "organisations.edges[*].node.key");
        var first = graphQl.document("{ organisations(first: 5) { edges { node { key } } pageInfo { endCursor } } }").execute();
        var cursor = first.path("organisations.pageInfo.endCursor").entity(String.class).get();
        insertOrganisationSortingFirst();
        try {
            var next = graphQl.document("query($after: String) { organisations(first: 5, after: $after) { edges { node { key } } pageInfo { hasPreviousPage } } }")
                    .variable("after", cursor).execute();
            assertThat(next.path("organisations.edges[*].node.key").entityList(String.class).get())
                    .isEqualTo(expected.subList(5, 10));
            next.path("organisations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
            assertThat(keys("{ organisations(first: 1) { edges { node { key } } } }", "organisations.edges[*].node.key"))
                    .containsExactly("aaa-cursor-test");
        } finally {
            neo4j.query("MATCH (n:Entity {key: 'aaa-cursor-test'}) DETACH DELETE n").run();
        }
    }

    @Test
    void aNestedListContinuesWhereItWasAfterAnInsertBeforeTheCursor() {
        var event = "tag-des-ehrenamtes-2019-06-26";
        var expected = keys("{ event(id: \"" + event + "\") { participants(first: 10) { edges { node { ... on Organisation { key } } } } } }",
                "event.participants.edges[*].node.key");
        var cursor = graphQl.document("{ event(id: \"" + event + "\") { participants(first: 5) { pageInfo { endCursor } } } }")
                .execute().path("event.participants.pageInfo.endCursor").entity(String.class).get();
        insertOrganisationSortingFirst();
        neo4j.query("""
                MATCH (o:Entity {key: 'aaa-cursor-test'}), (e:Entity {key: $event})
                CREATE (o)-[:PARTICIPATES_IN {key: 'cursor-test', role: 'SIGNATORY', basis: 'stated', origin: 'api',
                        sources: ['src-whkt-2019-06-26-ehrenamt-bewegt']}]->(e)
                """).bind(event).to("event").run();
        try {
            var next = keys("{ event(id: \"" + event + "\") { participants(first: 5, after: \"" + cursor + "\") { edges { node { ... on Organisation { key } } } } } }",
                    "event.participants.edges[*].node.key");
            assertThat(next).isEqualTo(expected.subList(5, 10));
        } finally {
            neo4j.query("MATCH (n:Entity {key: 'aaa-cursor-test'}) DETACH DELETE n").run();
        }
    }

    @Test
    void partnersContinueWhereTheyWereAfterAnInsertBeforeTheCursor() {
        var expected = keys("{ partners(region: \"nrw\", first: 10) { edges { node { key } } } }", "partners.edges[*].node.key");
        var cursor = graphQl.document("{ partners(region: \"nrw\", first: 5) { pageInfo { endCursor } } }").execute()
                .path("partners.pageInfo.endCursor").entity(String.class).get();
        insertOrganisationSortingFirst();
        neo4j.query("""
                MATCH (o:Entity {key: 'aaa-cursor-test'}), (r:Entity {key: 'nrw'})
                CREATE (o)-[:ACTIVE_IN {key: 'cursor-test', basis: 'stated', origin: 'api',
                        sources: ['src-whkt-2019-06-26-ehrenamt-bewegt']}]->(r)
                """).run();
        partners.refresh(List.of("aaa-cursor-test"));
        try {
            assertThat(keys("{ partners(region: \"nrw\", first: 1) { edges { node { key } } } }", "partners.edges[*].node.key"))
                    .containsExactly("aaa-cursor-test");
            var next = keys("{ partners(region: \"nrw\", first: 5, after: \"" + cursor + "\") { edges { node { key } } } }",
                    "partners.edges[*].node.key");
            assertThat(next).isEqualTo(expected.subList(5, 10));
        } finally {
            neo4j.query("MATCH (n:Entity {key: 'aaa-cursor-test'}) DETACH DELETE n").run();
            partners.rebuild();
        }
    }

    @Test
    void aCursorOfAnotherListIsABadRequest() {
        var organisationCursor = graphQl.document("{ organisations(first: 1) { pageInfo { endCursor } } }").execute()
                .path("organisations.pageInfo.endCursor").entity(String.class).get();
        for (var list : List.of("regions", "topics", "people")) {
            graphQl.document("{ " + list + "(first: 1, after: \"" + organisationCursor + "\") { totalCount } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).as(list).singleElement().satisfies(error ->
                            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
        }
    }

    @Test
    void aNewestFirstListPagedTwoAtATimeGivesTheWholeListOnce() {
        var whole = keys("{ events(first: 50) { edges { node { key } } } }", "events.edges[*].node.key");
        var paged = new java.util.ArrayList<String>();
        String after = null;
        do {
            var page = graphQl.document("query($after: String) { events(first: 2, after: $after) { edges { node { key } } pageInfo { hasNextPage endCursor } } }")
                    .variable("after", after).execute();
            paged.addAll(page.path("events.edges[*].node.key").entityList(String.class).get());
            after = page.path("events.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("events.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(whole).hasSizeGreaterThan(4);
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void theNextPageAfterADeletedItemStartsWhereThatItemStood() {
        insertOrganisationSortingFirst();
        try {
            var cursor = graphQl.document("{ organisations(first: 1) { edges { node { key } } pageInfo { endCursor } } }").execute();
            assertThat(cursor.path("organisations.edges[0].node.key").entity(String.class).get()).isEqualTo("aaa-cursor-test");
            var after = cursor.path("organisations.pageInfo.endCursor").entity(String.class).get();
            neo4j.query("MATCH (n:Entity {key: 'aaa-cursor-test'}) DETACH DELETE n").run();
            var expected = keys("{ organisations(first: 3) { edges { node { key } } } }", "organisations.edges[*].node.key");
            var next = keys("{ organisations(first: 3, after: \"" + after + "\") { edges { node { key } } } }",
                    "organisations.edges[*].node.key");
            assertThat(next).isEqualTo(expected);
        } finally {
            neo4j.query("MATCH (n:Entity {key: 'aaa-cursor-test'}) DETACH DELETE n").run();
        }
    }

    private void insertOrganisationSortingFirst() {
        neo4j.query("""
                CREATE (:Entity:Organisation {key: 'aaa-cursor-test', slug: 'aaa-cursor-test', name: 'AAA Cursor-Test',
                        kind: 'ASSOCIATION', origin: 'api', sortName: 'aaa cursor-test', searchText: 'aaacursortest'})
                """).run();
    }

    private List<String> keys(String document, String path) {
        return graphQl.document(document).execute().path(path).entityList(String.class).get();
    }
}
