package org.partnernetz.graphql;

/**
 * Told the estimated cost of each operation that is about to run (the objects it may return, as
 * {@link QueryLimits} counts them), so that a feature can charge it to the caller's budget. A
 * feature puts one into the request's GraphQL context under {@link #CONTEXT_KEY}; without one the
 * cost is only checked against {@code max-complexity}.
 */
@FunctionalInterface
public interface QueryCostListener {

    /** The GraphQL context key the listener is found under. */
    String CONTEXT_KEY = QueryCostListener.class.getName();

    void charge(long cost);
}
