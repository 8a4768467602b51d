package org.partnernetz.config;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

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

    /**
     * Starts the embedded database on a thread of its own as soon as the context's bean definitions
     * are read, before any bean is made: Neo4j's start takes seconds, and the web server, the GraphQL
     * schema and the other beans are made meanwhile. {@link #embeddedNeo4j} waits for it; so does the
     * driver when the Bolt port is 0 (its address is known only then). It shuts the database down
     * when the context closes, also when the context failed before anything used it.
     */
    @Bean
    static EmbeddedStart embeddedNeo4jStart() {
        return new EmbeddedStart();
    }

    /**
     * The embedded database, once it runs. Lazy, so that making the other beans does not wait for
     * it; {@link #embeddedNeo4jStarted} waits for it once they are all made, before the schema, the
     * seed import, the workers and the web server start.
     */
    @Bean(destroyMethod = "")
    @Lazy
    DatabaseManagementService embeddedNeo4j(EmbeddedStart start, EmbeddedNeo4jProperties validated) {
        // The start bound the settings before any bean existed; the validated bean, bound from the
        // same environment, refuses a bad value with its rule before the database is handed out.
        return start.database();
    }

    @Bean
    SmartInitializingSingleton embeddedNeo4jStarted(ObjectProvider<DatabaseManagementService> embeddedNeo4j) {
        return embeddedNeo4j::getObject;
    }

    /**
     * Where the embedded database listens. Spring Boot builds the driver from this as it does in
     * external mode, so pool settings ({@code spring.neo4j.pool.*}), driver customizers and metrics
     * apply to both. With a fixed Bolt port the address is known before the database runs, so the
     * driver (which connects only when used) does not wait for it.
     */
    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedStart start, EmbeddedNeo4jProperties validated) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                int port = validated.boltPort();
                return URI.create(port != 0 ? "bolt://127.0.0.1:" + port : boltUri(start.database()));
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }

    /** The start of the embedded database on its own thread ({@link #embeddedNeo4jStart}). */
    static final class EmbeddedStart implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

        private Environment environment;
        private CompletableFuture<DatabaseManagementService> started;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            var properties = Binder.get(environment).bindOrCreate("partnernetz.embedded", EmbeddedNeo4jProperties.class);
            started = new CompletableFuture<>();
            Thread.ofPlatform().name("embedded-neo4j-start").start(() -> {
                try {
                    var database = start(properties);
                    log.info("Embedded Neo4j is ready at {}", boltUri(database));
                    started.complete(database);
                } catch (RuntimeException | Error e) {
                    started.completeExceptionally(e);
                }
            });
        }

        /** The running database; waits for its start, and fails as the start failed. */
        DatabaseManagementService database() {
            try {
                return started.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException("The embedded Neo4j did not start", e.getCause());
            }
        }

        @Override
        public void destroy() {
            if (started != null) {
                try {
                    started.join().shutdown();
                } catch (CompletionException e) {
                    // It never ran: nothing to shut down.
                }
            }
        }
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
