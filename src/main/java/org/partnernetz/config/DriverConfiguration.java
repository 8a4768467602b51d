package org.partnernetz.config;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the hub adds to Spring Boot's Neo4j driver, in embedded and external mode alike: a user
 * agent, so that an operator sees in Neo4j ({@code SHOW TRANSACTIONS}, {@code dbms.listConnections})
 * which connections are the hub's.
 */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    static final String USER_AGENT = "partnernetz";

    @Bean
    ConfigBuilderCustomizer partnernetzUserAgent() {
        return builder -> builder.withUserAgent(USER_AGENT);
    }
}
