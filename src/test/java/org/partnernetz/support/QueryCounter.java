package org.partnernetz.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the queries the hub sends to Neo4j: every {@code run} on a session or transaction of the
 * real driver, whichever code path issues it, apart from the polling of the hub's background threads
 * (the webhook outbox, the change feed). Tests read it to show that a request's database round
 * trips do not grow with its number of results, and what a request's queries read.
 */
public class QueryCounter {

    /** The hub's background threads, whose polling is no request's round trip. */
    public static final java.util.Set<String> BACKGROUND = java.util.Set.of("webhook-outbox", "change-feed");

    private final AtomicInteger queries = new AtomicInteger();
    private final List<String> texts = new ArrayList<>();
    private volatile boolean keepingTexts;

    public int count() {
        return queries.get();
    }

    /** Runs {@code action} and returns how many queries it sent. */
    public int countDuring(Runnable action) {
        var before = queries.get();
        action.run();
        return queries.get() - before;
    }

    /** Runs {@code action} and returns the text of each query it sent, in order. */
    public synchronized List<String> textsDuring(Runnable action) {
        synchronized (texts) {
            texts.clear();
        }
        keepingTexts = true;
        try {
            action.run();
        } finally {
            keepingTexts = false;
        }
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    Object wrap(Object driver, Class<?> type) {
        return DriverTap.wrap(driver, type, args -> {
            if (!BACKGROUND.contains(Thread.currentThread().getName())) {
                queries.incrementAndGet();
                if (keepingTexts && args != null && args.length > 0) {
                    synchronized (texts) {
                        texts.add(args[0] instanceof Query query ? query.text() : String.valueOf(args[0]));
                    }
                }
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
