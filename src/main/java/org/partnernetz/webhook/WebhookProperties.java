package org.partnernetz.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code partnernetz.webhooks.*}: how often the outbox is read, how long an endpoint may take, the
 * backoff between attempts, when a delivery gives up and when an endpoint is paused, and whether
 * endpoints on loopback or private addresses are allowed (never by default).
 *
 * @param pollInterval how often each instance looks for due deliveries (also right after a commit that queued one)
 * @param timeout how long one attempt may take, connecting included
 * @param backoff the wait after the first failed attempt; each next wait doubles (with jitter), up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a delivery is FAILED (it can still be replayed)
 * @param pauseAfter failed attempts in a row, across its deliveries, after which an endpoint is paused
 * @param lease how long an instance holds the deliveries it took, before another may take them
 * @param allowLoopback whether endpoints may resolve to loopback addresses (tests)
 * @param allowPrivate whether endpoints may resolve to private, link-local or other non-public addresses
 */
@ConfigurationProperties("partnernetz.webhooks")
record WebhookProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("5s") Duration timeout,
        @DefaultValue("2s") Duration backoff, @DefaultValue("1h") Duration maxBackoff, @DefaultValue("10") int maxAttempts,
        @DefaultValue("5") int pauseAfter, @DefaultValue("60s") Duration lease, @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("false") boolean allowPrivate) {
}
