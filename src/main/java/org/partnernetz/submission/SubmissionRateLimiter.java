package org.partnernetz.submission;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.partnernetz.graphql.RateLimitedException;
import org.springframework.stereotype.Component;

/**
 * The rate of public submissions per client: one resilience4j limiter per client key, in this
 * instance's memory. N instances allow N times the rate; for a spam guard in front of a moderation
 * queue that is enough, and it needs no shared store. Limiters of clients that have been quiet for a
 * period are dropped (a Caffeine cache rather than resilience4j's registry, which keeps every key
 * for ever), so a flood from many addresses cannot fill the memory.
 */
@Component
class SubmissionRateLimiter {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    SubmissionRateLimiter(SubmissionProperties properties) {
        this.config = RateLimiterConfig.custom().limitForPeriod(properties.rate())
                .limitRefreshPeriod(properties.period()).timeoutDuration(Duration.ZERO).build();
        // A limiter idle for two periods has its full rate again: dropping it changes nothing.
        this.limiters = Caffeine.newBuilder().expireAfterAccess(properties.period().multipliedBy(2))
                .maximumSize(100_000).build();
    }

    /** Takes one submission from the client's rate; TOO_MANY_REQUESTS when none is left. */
    void acquire(String client) {
        var limiter = limiters.get(client, key -> RateLimiter.of("submissions", config));
        if (!limiter.acquirePermission()) {
            long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                    : config.getLimitRefreshPeriod().toNanos();
            long seconds = Math.max(1, (TimeUnit.NANOSECONDS.toSeconds(nanos) + 1));
            throw new RateLimitedException("Too many submissions from this client; try again in " + seconds
                    + " seconds", seconds);
        }
    }

    /** Forgets every client's count (tests, which all come from loopback). */
    void reset() {
        limiters.invalidateAll();
    }
}
