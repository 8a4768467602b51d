package org.partnernetz.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.partnernetz.graphql.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's deliveries. Each instance of the hub runs one: it takes the due deliveries
 * under a lease kept on them in Neo4j (so two instances never send one delivery twice, and one that
 * died while sending lets another take them when the lease runs out), sends each on a virtual
 * thread of its own with a timeout (a slow or dead endpoint holds only that thread; publishing
 * never waits for it), and records every attempt: its HTTP status or error and its latency. A failed
 * attempt is tried again after a backoff that doubles each time; a delivery gives up after
 * {@code maxAttempts} (it can be replayed), and an endpoint that failed {@code pauseAfter} times in a
 * row is paused until its owner resumes it.
 */
@Component
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final MeterRegistry meters;
    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final EndpointGuard guard;
    private final HttpClient http;
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private ExecutorService senders;
    private volatile Thread poller;

    WebhookWorker(Neo4jClient neo4j, TransactionTemplate transactions, WebhookProperties properties, EndpointGuard guard,
            MeterRegistry meters) {
        this.neo4j = neo4j;
        this.meters = meters;
        this.transactions = transactions;
        this.properties = properties;
        this.guard = guard;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Looks for due deliveries now (after a commit that queued one). */
    void wake() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        var thread = Thread.ofPlatform().daemon().name("webhook-outbox").unstarted(this::poll);
        poller = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        var thread = poller;
        poller = null;
        if (thread != null) {
            thread.interrupt();
        }
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void poll() {
        while (poller == Thread.currentThread()) {
            try {
                claim().forEach(delivery -> senders.submit(() -> attempt(delivery)));
            } catch (RuntimeException e) {
                // Neo4j away or shutting down: the deliveries wait in the outbox.
                log.warn("Webhook outbox not read: {}", e.getClass().getSimpleName());
            }
            try {
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A delivery this instance holds the lease of. */
    record Claimed(String id, String webhook, String event, String body, String url, String secret, int attempts) {
    }

    /**
     * Takes up to 50 due deliveries of active endpoints, in the order they are due. Each is locked
     * first and checked again under its lock, so of two instances taking the same one, the second
     * sees the first's lease and leaves it.
     */
    List<Claimed> claim() {
        var now = now();
        return transactions.execute(status -> neo4j.query("""
                MATCH (d:WebhookDelivery) WHERE d.status = 'PENDING' AND d.nextAttemptAt <= $now
                  AND (d.leaseUntil IS NULL OR d.leaseUntil <= $now)
                MATCH (w:Webhook {id: d.webhookId}) WHERE w.active AND NOT w.paused
                WITH d, w ORDER BY d.nextAttemptAt, d.id LIMIT 50
                SET d.claiming = true
                REMOVE d.claiming
                WITH d, w, properties(d) AS fresh
                WHERE fresh.status = 'PENDING' AND (fresh.leaseUntil IS NULL OR fresh.leaseUntil <= $now)
                SET d.leaseUntil = $leaseUntil, d.leasedBy = $instance
                RETURN d.id AS id, w.id AS webhook, d.event AS event, d.body AS body, w.url AS url, w.secret AS secret,
                       d.attempts AS attempts""")
                .bind(now).to("now").bind(now.plus(properties.lease())).to("leaseUntil").bind(instance).to("instance")
                .fetchAs(Claimed.class).mappedBy((types, record) -> new Claimed(record.get("id").asString(),
                        record.get("webhook").asString(), record.get("event").asString(), record.get("body").asString(),
                        record.get("url").asString(), record.get("secret").asString(), record.get("attempts").asInt()))
                .all().stream().toList());
    }

    private void attempt(Claimed delivery) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            var uri = guard.check(delivery.url());
            var sentAt = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
            var request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "partnernetz-webhooks")
                    .header("Partnernetz-Event", delivery.event())
                    .header("Partnernetz-Delivery", delivery.id())
                    .header(Signature.HEADER, Signature.header(delivery.secret(), sentAt, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (BadRequestException e) {
            error = "refused: " + e.getMessage().replaceFirst("^input\\.url: ", "");
        } catch (java.net.http.HttpTimeoutException e) {
            error = "timed out after " + properties.timeout().toMillis() + " ms";
        } catch (java.io.IOException e) {
            error = "not reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean ok = status != null && status >= 200 && status < 300;
        meters.timer("partnernetz.webhooks.attempts", "outcome", ok ? "delivered" : "failed")
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        record(delivery, ok, status, error, millis);
    }

    private void record(Claimed delivery, boolean ok, Integer status, String error, long millis) {
        var now = now();
        var wait = properties.backoff().toMillis() * (1L << Math.min(20, delivery.attempts()));
        wait = (long) (Math.min(wait, properties.maxBackoff().toMillis()) * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        var next = now.plus(wait, ChronoUnit.MILLIS);
        try {
            transactions.executeWithoutResult(tx -> neo4j.query("""
                    MATCH (d:WebhookDelivery {id: $id}) WHERE d.leasedBy = $instance
                    MATCH (w:Webhook {id: d.webhookId})
                    WITH d, w, d.attempts + 1 AS number, coalesce(w.consecutiveFailures, 0) AS failures
                    CREATE (a:WebhookAttempt {deliveryId: d.id, webhookId: w.id, number: number, at: $now,
                                              status: $status, latencyMs: $millis, error: $error})
                    SET d.attempts = number, d.lastStatus = $status, d.lastError = $error,
                        d.leaseUntil = null, d.leasedBy = null,
                        d.status = CASE WHEN $ok THEN 'DELIVERED' WHEN number >= $maxAttempts THEN 'FAILED' ELSE 'PENDING' END,
                        d.deliveredAt = CASE WHEN $ok THEN $now ELSE null END,
                        d.nextAttemptAt = CASE WHEN $ok THEN d.nextAttemptAt ELSE $next END,
                        w.consecutiveFailures = CASE WHEN $ok THEN 0 ELSE failures + 1 END,
                        w.paused = CASE WHEN NOT $ok AND failures + 1 >= $pauseAfter THEN true ELSE w.paused END,
                        w.pausedAt = CASE WHEN NOT $ok AND failures + 1 >= $pauseAfter AND NOT w.paused THEN $now ELSE w.pausedAt END
                    RETURN w.pausedAt = $now AS paused""")
                    .bindAll(Map.of("id", delivery.id(), "instance", instance, "now", now, "millis", millis, "ok", ok,
                            "maxAttempts", properties.maxAttempts(), "next", next, "pauseAfter", properties.pauseAfter()))
                    .bind(status).to("status").bind(error).to("error").fetchAs(Boolean.class).one()
                    .filter(Boolean::booleanValue)
                    .ifPresent(paused -> log.warn("Webhook endpoint {} paused after {} failed attempts in a row",
                            delivery.webhook(), properties.pauseAfter())));
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            log.warn("Webhook attempt of delivery {} not recorded: {}", delivery.id(), e.getClass().getSimpleName());
            return;
        }
        if (ok) {
            log.info("Webhook delivery {} ({}) to endpoint {}: HTTP {} in {} ms, attempt {}", delivery.id(),
                    delivery.event(), delivery.webhook(), status, millis, delivery.attempts() + 1);
        } else {
            log.warn("Webhook delivery {} ({}) to endpoint {} failed: {} in {} ms, attempt {}; {}", delivery.id(),
                    delivery.event(), delivery.webhook(), status != null ? "HTTP " + status : error, millis,
                    delivery.attempts() + 1, delivery.attempts() + 1 >= properties.maxAttempts() ? "given up"
                            : "next try in " + wait + " ms");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
