package org.partnernetz.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded Neo4j that runs inside the hub when no {@code NEO4J_URI} names an
 * external server.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param boltPort Bolt port on 127.0.0.1 for Neo4j Browser and cypher-shell; 0 picks a free one
 * @param transactionTimeout longest a single transaction may run before Neo4j ends it
 * @param pageCache memory Neo4j may use to cache the store, e.g. {@code 128MB}
 */
@Validated
@ConfigurationProperties("partnernetz.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data") @NotNull Path dataDirectory,
        @DefaultValue("7687") @Min(0) @Max(65535) int boltPort,
        @DefaultValue("30s") @NotNull Duration transactionTimeout,
        @DefaultValue("128MB") @NotNull DataSize pageCache) {
}
