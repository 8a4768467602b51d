package org.partnernetz.graphql;

/**
 * A client sent more requests of one kind than its rate allows; it may try again after
 * {@code retryAfterSeconds}. Classified TOO_MANY_REQUESTS, and answered with an HTTP
 * {@code Retry-After} header by the feature that refuses.
 */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
