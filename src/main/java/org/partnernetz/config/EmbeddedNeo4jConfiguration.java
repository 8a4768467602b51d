package org.partnernetz.config;

import java.net.URI;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Neo4j inside the service when no external server is configured.
 *
 * <p>The service still talks to it through the Neo4j Java driver over Bolt, exactly as it would
 * to a server, so embedded and external mode share every line of data-access code, and Neo4j
 * Browser or cypher-shell can connect to the running hub on 127.0.0.1. The driver itself is Spring
 * Boot's, built from {@link Neo4jConnectionDetails} as in external mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${NEO4J_URI:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        return start(properties);
    }

    /**
     * Where the embedded database listens. Spring Boot builds the driver from this as it does in
     * external mode, so pool settings ({@code spring.neo4j.pool.*}), driver customizers and metrics
     * apply to both.
     */
    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j) {
        var uri = URI.create(boltUri(embeddedNeo4j));
        log.info("Embedded Neo4j is ready at {}", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }

    /** Starts a Neo4j with Bolt on loopback only and nothing broadcast on the network. */
    static DatabaseManagementService start(EmbeddedNeo4jProperties properties) {
        log.info("Starting embedded Neo4j in {} (Bolt on 127.0.0.1:{})",
                properties.dataDirectory().toAbsolutePath(), properties.boltPort());
        return new DatabaseManagementServiceBuilder(properties.dataDirectory())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(BoltConnector.enable_discovery, false)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
                .build();
    }

    /** The Bolt address the database really listens on (the configured port may be 0). */
    static String boltUri(DatabaseManagementService neo4j) {
        var database = (GraphDatabaseAPI) neo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = database.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        return "bolt://127.0.0.1:" + address.getPort();
    }
}
