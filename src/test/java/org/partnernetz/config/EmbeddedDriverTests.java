package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
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

    @Autowired
    List<ConfigBuilderCustomizer> customizers;

    @Test
    void theDriverFormatsALogMessageOnlyWhenItsLevelIsOn() {
        var builder = Config.builder();
        customizers.forEach(customizer -> customizer.customize(builder));
        var log = builder.build().logging().getLog("org.neo4j.bolt.partnernetz-test");
        var logback = (Logger) LoggerFactory.getLogger("org.neo4j.bolt.partnernetz-test");
        var formatted = new AtomicInteger();
        var parameter = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "a large parameter";
            }
        };
        try {
            logback.setLevel(Level.INFO);
            log.debug("C: RUN %s", parameter);
            assertThat(formatted).as("formattings of a debug message while debug is off").hasValue(0);
            logback.setLevel(Level.DEBUG);
            log.debug("C: RUN %s", parameter);
            assertThat(formatted).as("formattings of a debug message while debug is on").hasValue(1);
        } finally {
            logback.setLevel(null);
        }
    }
}
