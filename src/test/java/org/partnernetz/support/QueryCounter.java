package org.partnernetz.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the queries the hub sends to Neo4j: every {@code run} on a session or transaction of the
 * real driver, whichever code path issues it, apart from the polling of the hub's background threads
 * (the webhook outbox, the change feed). Tests read it to show that a request's database round
 * trips do not grow with its number of results.
 */
public class QueryCounter {


    /** The hub's background threads, whose polling is no request's round trip. */
    private static final java.util.Set<String> BACKGROUND = java.util.Set.of("webhook-outbox", "change-feed");

    private final AtomicInteger queries = new AtomicInteger();

    public int count() {
        return queries.get();
    }

    /** Runs {@code action} and returns how many queries it sent. */
    public int countDuring(Runnable action) {
        var before = queries.get();
        action.run();
        return queries.get() - before;
    }

    Object wrap(Object driver, Class<?> type) {
        return DriverTap.wrap(driver, type, args -> {
            if (!BACKGROUND.contains(Thread.currentThread().getName())) {
                queries.incrementAndGet();
            }
        });
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static QueryCounter queryCounter() {
            return new QueryCounter();
        }

        @Bean
        static BeanPostProcessor countingDriver(org.springframework.beans.factory.ObjectProvider<QueryCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Driver ? counter.getObject().wrap(bean, Driver.class) : bean;
                }
            };
        }
    }
}
