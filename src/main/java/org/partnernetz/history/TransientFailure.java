package org.partnernetz.history;

import java.lang.reflect.Method;

import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.resilience.retry.MethodRetryPredicate;

/**
 * Which failures of a change are worth trying again: those the database calls transient, above all
 * a deadlock between two changes that lock the same entries in different orders (derived facts
 * touch many), and, with a cluster, a leader that stepped down or a member gone away in the middle
 * (the driver's {@link RetryableException}s: the next attempt asks the routing table again). The
 * change's transaction was rolled back, so a new attempt starts from what is
 * committed. For {@code @Retryable(predicate = TransientFailure.class)} on the editing services;
 * {@link Resilience} puts the retry outside their transaction, so each attempt is a new one.
 */
public class TransientFailure implements MethodRetryPredicate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TransientFailure.class);

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryableException || cause instanceof TransientDataAccessException) {
                log.info("{} failed for a transient reason ({}); trying again", method.getName(),
                        cause.getClass().getSimpleName());
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
