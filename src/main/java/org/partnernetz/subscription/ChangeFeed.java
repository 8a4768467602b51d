package org.partnernetz.subscription;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes subscribers hear of, as every instance of the hub sees them: the
 * {@code (:ChangeEvent)} nodes that {@code webhook.WebhookOutbox} writes in each change's
 * transaction. While this instance has subscribers, one thread ("change-feed") reads the events that
 * fell due since its last look (reaching {@code lookback} further back, for transactions that
 * committed late; an event seen once is not passed on again) and hands them to every subscriber. A
 * subscriber that cannot keep up misses events rather than holding the others back. Events older
 * than {@code retention} are deleted, by whichever instance gets there.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {
    };

    private final Neo4jClient neo4j;
    private final SubscriptionProperties properties;
    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    private final Cache<String, Boolean> seen;
    private volatile Thread poller;

    ChangeFeed(Neo4jClient neo4j, SubscriptionProperties properties) {
        this.neo4j = neo4j;
        this.properties = properties;
        // Longer than any look back reaches, even after a slow round: an event is never passed on twice.
        this.seen = Caffeine.newBuilder().expireAfterWrite(properties.lookback().plusMinutes(1)).build();
    }

    /**
     * One change as subscribers get it: the event ({@code CONTENT_PUBLISHED}, {@code ENTITY_CHANGED}
     * ...), its subject's global id, its type, the regions it concerns (with the regions around them),
     * its tags, when it showed, and the event's data as webhooks get it.
     */
    public record Change(String id, String event, String subject, String type, List<String> regions, List<String> tags,
            OffsetDateTime dueAt, Map<String, Object> data) {
    }

    /**
     * Every change that falls due from now on, for as long as the subscriber stays (the feed's
     * look back does not hand a new subscriber what happened before it came).
     */
    public Flux<Change> changes() {
        return Flux.defer(() -> {
            var from = now();
            return sink.asFlux().filter(change -> !change.dueAt().isBefore(from));
        });
    }

    @Override
    public synchronized void start() {
        var thread = Thread.ofPlatform().daemon().name("change-feed").unstarted(this::follow);
        poller = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        var thread = poller;
        poller = null;
        if (thread != null) {
            thread.interrupt();
            try {
                // The poller is the sink's only emitter: it stops before the subscribers hear the end.
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void follow() {
        OffsetDateTime since = null;
        var nextPrune = now();
        while (poller == Thread.currentThread()) {
            var now = now();
            try {
                if (sink.currentSubscriberCount() == 0) {
                    since = null;
                } else {
                    // The first look of a round with subscribers starts now: nothing older is replayed.
                    var from = since == null ? now : since.minus(properties.lookback());
                    due(from, now).forEach(this::emit);
                    since = now;
                }
                if (!now.isBefore(nextPrune)) {
                    prune(now.minus(properties.retention()));
                    nextPrune = now.plusMinutes(1);
                }
            } catch (RuntimeException e) {
                // Neo4j away or shutting down: the events wait in the graph; the next look reaches back.
                log.warn("Change feed not read: {}", e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(properties.pollInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void emit(Change change) {
        if (seen.asMap().putIfAbsent(change.id(), Boolean.TRUE) == null) {
            sink.tryEmitNext(change);
        }
    }

    /** The events due in ({@code from}, {@code to}], in the order they fell due. */
    List<Change> due(OffsetDateTime from, OffsetDateTime to) {
        return neo4j.query("""
                MATCH (c:ChangeEvent) WHERE c.dueAt > $from AND c.dueAt <= $to
                RETURN c ORDER BY c.dueAt, c.id""")
                .bind(from).to("from").bind(to).to("to")
                .fetchAs(Change.class).mappedBy((types, record) -> change(record.get("c").asNode())).all().stream().toList();
    }

    private void prune(OffsetDateTime before) {
        neo4j.query("""
                MATCH (c:ChangeEvent) WHERE c.dueAt < $before
                WITH c LIMIT 10000
                DELETE c""").bind(before).to("before").run();
    }

    @SuppressWarnings("unchecked")
    private static Change change(org.neo4j.driver.types.Node node) {
        var body = JSON.readValue(node.get("body").asString(), BODY);
        var data = body.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.<String, Object>of();
        return new Change(node.get("id").asString(), node.get("event").asString(), node.get("subject").asString(),
                node.get("type").asString(), node.get("regions").asList(Value::asString),
                node.get("tags").asList(Value::asString), node.get("dueAt").asOffsetDateTime(), data);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
