package org.partnernetz.network;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code partnernetz.measures.*}: the network measures computed ahead for each labour-market region
 * ({@link MeasuresAhead}).
 *
 * @param enabled whether this instance looks for stale measures on its schedule (tests switch it off
 *        and refresh by hand; the stored measures are served either way)
 * @param refreshInterval how long after one look the next begins
 * @param maxAge measures older than this are recomputed even when no change was seen (change events
 *        are kept for an hour, so one missed while no instance looked is caught here)
 * @param lease how long one instance holds the refresh before another may take it over; longer
 *        than the slowest region takes to compute
 */
@ConfigurationProperties("partnernetz.measures")
record MeasuresProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration refreshInterval,
        @DefaultValue("24h") Duration maxAge, @DefaultValue("30m") Duration lease) {
}
