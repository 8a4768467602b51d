package org.partnernetz.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code partnernetz.subscriptions.*}: how each instance follows the change events in Neo4j.
 *
 * @param pollInterval how often an instance with subscribers looks for events that fell due
 * @param lookback how far back each look reaches again, for a change whose transaction committed
 *        after a later one (events already sent are not sent twice): longer than a transaction may
 *        run (Neo4j's transaction timeout, 30 s) and than the instances' clocks may differ
 * @param retention how long an event stays in Neo4j after it fell due
 */
@ConfigurationProperties("partnernetz.subscriptions")
record SubscriptionProperties(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("45s") Duration lookback,
        @DefaultValue("1h") Duration retention) {
}
