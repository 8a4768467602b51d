package org.partnernetz.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnernetz.support.DriverTap;
import org.partnernetz.support.QueryCounter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the Cypher the hub sends to Neo4j while recording is on: text and parameters of every
 * {@code run} on a session or transaction of the real driver. The benchmark replays them with
 * {@code PROFILE}, so the plans it reports are those of exactly the queries the hub runs. Queries of
 * the hub's pollers, which run whatever is being measured, are left out.
 */
class QueryRecorder {

    /** One query as the hub sent it, and when ({@link System#nanoTime()}). */
    record Recorded(String text, Map<String, Object> parameters, long sentAt) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private volatile boolean recording;

    /** Runs {@code action} and returns the queries it sent, in order. */
    synchronized List<Recorded> during(Runnable action) {
        recorded.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }

    private void record(Object[] args) {
        if (!recording || args == null || args.length == 0 || QueryCounter.BACKGROUND.contains(Thread.currentThread().getName())) {
            return;
        }
        synchronized (recorded) {
            if (args[0] instanceof Query query) {
                recorded.add(new Recorded(query.text(), query.parameters().asMap(), System.nanoTime()));
            } else if (args[0] instanceof String text) {
                Map<String, Object> parameters = Map.of();
                if (args.length > 1) {
                    if (args[1] instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        var typed = (Map<String, Object>) map;
                        parameters = typed;
                    } else if (args[1] instanceof Value value) {
                        parameters = value.asMap();
                    } else if (args[1] instanceof Record record) {
                        parameters = record.asMap();
                    }
                }
                recorded.add(new Recorded(text, parameters, System.nanoTime()));
            }
        }
    }

    Object wrap(Object driver, Class<?> type) {
        return DriverTap.wrap(driver, type, this::record);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        static QueryRecorder queryRecorder() {
            return new QueryRecorder();
        }

        @Bean
        static BeanPostProcessor recordingDriver(ObjectProvider<QueryRecorder> recorder) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Driver ? recorder.getObject().wrap(bean, Driver.class) : bean;
                }
            };
        }
    }
}
