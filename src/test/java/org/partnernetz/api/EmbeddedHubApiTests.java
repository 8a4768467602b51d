package org.partnernetz.api;

import org.partnernetz.support.FullStackTest;

/** The API tests against the embedded Neo4j the hub starts by default. */
@FullStackTest
class EmbeddedHubApiTests extends HubApiTests {
}
