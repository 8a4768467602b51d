package org.partnernetz.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The webhook outbox as meters, read from Neo4j (so every instance reports the same, shared outbox):
 * {@code partnernetz.webhooks.outbox.pending} (deliveries waiting), {@code ...failed} (given up) and
 * {@code ...oldest.pending.seconds} (how long the oldest has waited). One query answers all three,
 * at most every 10 seconds however often they are scraped; NaN while Neo4j cannot be reached. Each
 * attempt is timed in {@code partnernetz.webhooks.attempts} by outcome ({@link WebhookWorker}).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private record Reading(long at, double pending, double failed, double oldestSeconds) {
    }

    private static final long FRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private final Neo4jClient neo4j;
    private final AtomicReference<Reading> last = new AtomicReference<>();

    OutboxMetrics(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("partnernetz.webhooks.outbox.pending", this, metrics -> metrics.read().pending())
                .description("Webhook deliveries waiting to be sent (or sent again)").register(registry);
        Gauge.builder("partnernetz.webhooks.outbox.failed", this, metrics -> metrics.read().failed())
                .description("Webhook deliveries given up after their last attempt").register(registry);
        Gauge.builder("partnernetz.webhooks.outbox.oldest.pending", this, metrics -> metrics.read().oldestSeconds())
                .baseUnit("seconds").description("How long the oldest waiting delivery has waited").register(registry);
    }

    private Reading read() {
        var known = last.get();
        var now = System.nanoTime();
        if (known != null && now - known.at() < FRESH_NANOS) {
            return known;
        }
        Reading reading;
        try {
            reading = neo4j.query("""
                    OPTIONAL MATCH (d:WebhookDelivery) WHERE d.status IN ['PENDING', 'FAILED']
                    RETURN count(CASE WHEN d.status = 'PENDING' THEN 1 END) AS pending,
                           count(CASE WHEN d.status = 'FAILED' THEN 1 END) AS failed,
                           min(CASE WHEN d.status = 'PENDING' THEN d.createdAt END) AS oldest""")
                    .fetchAs(Reading.class).mappedBy((types, record) -> {
                        var oldest = record.get("oldest");
                        double seconds = oldest.isNull() ? 0
                                : Duration.between(oldest.asOffsetDateTime(), OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0;
                        return new Reading(now, record.get("pending").asLong(), record.get("failed").asLong(), seconds);
                    }).one().orElseThrow();
        } catch (RuntimeException e) {
            reading = new Reading(now, Double.NaN, Double.NaN, Double.NaN);
        }
        last.set(reading);
        return reading;
    }
}
