package org.partnernetz;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@FullStackTest
class HubStartsTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void answersOverHttp() {
        graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
    }
}
