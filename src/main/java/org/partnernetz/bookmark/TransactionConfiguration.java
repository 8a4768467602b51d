package org.partnernetz.bookmark;

import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * Spring Data Neo4j's transaction manager and client as Spring Boot would make them, with one
 * change: both use the hub's bookmark manager ({@link ClientBookmarks}), so that a client's bookmark
 * reaches every transaction of its request, and the request learns where its commits left the
 * database. Read-only transactions go to readers and the others to the leader when the URI is {@code neo4j://} (the driver routes by the session's access mode).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    Neo4jBookmarkManager bookmarkManager(ClientBookmarks clients) {
        return clients.manager();
    }

    @Bean
    Neo4jTransactionManager transactionManager(Driver driver, DatabaseSelectionProvider databases,
            Neo4jBookmarkManager bookmarks) {
        return Neo4jTransactionManager.with(driver).withDatabaseSelectionProvider(databases)
                .withBookmarkManager(bookmarks).build();
    }

    @Bean
    Neo4jClient neo4jClient(Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks) {
        return Neo4jClient.with(driver).withDatabaseSelectionProvider(databases)
                .withNeo4jBookmarkManager(bookmarks).build();
    }
}
