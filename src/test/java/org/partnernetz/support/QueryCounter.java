package org.partnernetz.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the queries the hub sends to Neo4j: every {@code run} on a session or transaction of the
 * real driver, whichever code path issues it. Tests read it to show that a request's database round
 * trips do not grow with its number of results.
 */
public class QueryCounter {

    private static final Set<Class<?>> WRAPPED = Set.of(Session.class, Transaction.class, QueryRunner.class);

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

    Object wrap(Object target, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("run")) {
                queries.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            var returnType = method.getReturnType();
            if (result != null && WRAPPED.contains(returnType)) {
                return wrap(result, returnType);
            }
            return result;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
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
