package org.partnernetz.config;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the hub adds to Spring Boot's Neo4j driver, in embedded and external mode alike: a user
 * agent, so that an operator sees in Neo4j ({@code SHOW TRANSACTIONS}, {@code dbms.listConnections})
 * which connections are the hub's; and its log through SLF4J, so the driver's messages obey the
 * {@code logging.level.*} settings like every other logger.
 *
 * <p>The driver's default, {@code System.Logger}, formats every debug message before the level is
 * checked: each Bolt message sent, with its parameters, became a string that was then dropped
 * (a tenth of the CPU of a bulk write, in a profile of {@code bench/scale.sh}). The SLF4J logging
 * checks the level first.
 */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    static final String USER_AGENT = "partnernetz";

    @Bean
    ConfigBuilderCustomizer partnernetzUserAgent() {
        return builder -> builder.withUserAgent(USER_AGENT).withLogging(Logging.slf4j());
    }
}
