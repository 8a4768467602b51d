package org.partnernetz.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler for the background looks that run on every instance (the network measures
 * computed ahead); what they hold and which instance works is kept in Neo4j, not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
