package org.partnernetz.api;

import org.partnernetz.support.FullStackTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The API tests against a Neo4j server in a container, in external mode (NEO4J_URI set), exactly as
 * docker-compose runs the hub. Skipped where no Docker engine runs.
 */
@FullStackTest
@Testcontainers(disabledWithoutDocker = true)
class ContainerHubApiTests extends HubApiTests {

    @Container
    static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1-community").withAdminPassword("partnernetz-test");

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registry.add("NEO4J_URI", neo4j::getBoltUrl);
        registry.add("NEO4J_USERNAME", () -> "neo4j");
        registry.add("NEO4J_PASSWORD", neo4j::getAdminPassword);
    }
}
