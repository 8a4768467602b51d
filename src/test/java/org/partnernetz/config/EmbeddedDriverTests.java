package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

/**
 * In embedded mode the driver is Spring Boot's, built from the embedded database's connection
 * details, so {@code spring.neo4j.*} settings and driver customizers apply as they do against an
 * external server.
 */
@FullStackTest
class EmbeddedDriverTests {

    @Autowired
    Driver driver;

    @Autowired
    Neo4jConnectionDetails connection;

    @Test
    void theEmbeddedDatabaseIsReachedThroughSpringBootsCustomizedDriver() {
        assertThat(connection.getUri().toString()).startsWith("bolt://127.0.0.1:");
        try (var session = driver.session()) {
            var agents = session.run("CALL dbms.listConnections() YIELD userAgent RETURN collect(userAgent) AS agents")
                    .single().get("agents").asList(value -> value.asString());
            assertThat(agents).as("user agents of the connections Neo4j sees").contains(DriverConfiguration.USER_AGENT);
        }
    }
}
