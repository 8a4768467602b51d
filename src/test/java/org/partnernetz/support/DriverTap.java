package org.partnernetz.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Consumer;

import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * Wraps the real Neo4j driver so that tests see every query the hub sends: each {@code run} on a
 * session or transaction it hands out, whichever code path issues it, is passed to a listener
 * before it goes to the database.
 */
public final class DriverTap {

    private static final Set<Class<?>> WRAPPED = Set.of(Session.class, Transaction.class, QueryRunner.class);

    private DriverTap() {
    }

    /** {@code target} as an instance of {@code type} that calls {@code onRun} with the arguments of every run. */
    public static Object wrap(Object target, Class<?> type, Consumer<Object[]> onRun) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("run")) {
                onRun.accept(args);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            var returnType = method.getReturnType();
            if (result != null && WRAPPED.contains(returnType)) {
                return wrap(result, returnType, onRun);
            }
            return result;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
