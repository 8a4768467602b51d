package org.partnernetz.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.partnernetz.PartnernetzApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.unit.DataSize;

/**
 * External mode without Docker: a separate Neo4j plays the server, and the hub is pointed at it
 * with {@code NEO4J_URI}, as a {@code neo4j://} routing address ({@code bolt://}: {@link ReadinessTests}).
 */
class ExternalModeTests {

    @TempDir
    Path serverData;

    DatabaseManagementService server;

    @BeforeEach
    void startServer() {
        server = EmbeddedNeo4jConfiguration.start(
                new EmbeddedNeo4jProperties(serverData, 0, Duration.ofSeconds(30), DataSize.ofMegabytes(32)));
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j"}) // bolt:// in ReadinessTests
    void hubUsesTheServerNamedByNeo4jUriAndStartsNoDatabaseOfItsOwn(String scheme) {
        var uri = EmbeddedNeo4jConfiguration.boltUri(server).replace("bolt:", scheme + ":");
        try (var hub = new SpringApplicationBuilder(PartnernetzApplication.class)
                .web(WebApplicationType.NONE)
                .run("--NEO4J_URI=" + uri, "--NEO4J_USERNAME=neo4j", "--NEO4J_PASSWORD=unused-without-auth",
                        "--partnernetz.seed.mode=always")) {
            assertThat(hub.getBeansOfType(DatabaseManagementService.class)).isEmpty();
            long seeded = server.database("neo4j").executeTransactionally(
                    "MATCH (n:Entity) RETURN count(n) AS seeded", Map.of(),
                    result -> (Long) result.next().get("seeded"));
            assertThat(seeded).isGreaterThan(150);
        }
    }
}
