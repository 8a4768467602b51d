package org.partnernetz.history;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * {@code @Retryable} services: the retry runs before (outside) the transaction interceptor, which
 * has the lowest precedence, so a failed attempt's transaction is rolled back and the next attempt
 * opens its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods(order = Ordered.HIGHEST_PRECEDENCE)
class Resilience {
}
