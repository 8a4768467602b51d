package org.partnernetz.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.GlobalId;
import org.partnernetz.webhook.WebhookOutbox;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code entityChanged}: the editors' changes of the network's entries, as the change feed hears of
 * them from any instance, each with the entry as the public sees it now (read off the feed's thread).
 */
@Controller
class EntitySubscriptionController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EntitySubscriptionController.class);

    private final ChangeFeed feed;
    private final EntityQueries entities;
    /** Each entry read once per change and instance, however many subscribers hear of it. */
    private final Cache<String, Optional<GraphObject>> current = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    EntitySubscriptionController(ChangeFeed feed, EntityQueries entities) {
        this.feed = feed;
        this.entities = entities;
    }

    /** One change, as {@code EntityChange} has it. */
    record EntityChange(String change, String id, String type, int version, List<String> fields, String mergedInto,
            String relationship, String occurredAt, GraphObject entity) {
    }

    @SubscriptionMapping
    Flux<EntityChange> entityChanged(@Argument List<String> types, @Argument String region, @Argument List<String> ids) {
        var regionKey = region == null ? null : entities.resolveKey(Label.Region, region, "region");
        // Ids are checked now, so a malformed one fails the subscription instead of matching nothing.
        Set<String> wanted = ids == null ? null : ids.stream().map(GlobalId::parse)
                .map(id -> GlobalId.of(id.label(), id.key())).collect(Collectors.toUnmodifiableSet());
        return feed.changes()
                .filter(change -> WebhookOutbox.ENTITY_CHANGED.equals(change.event()))
                .filter(change -> types == null || types.isEmpty() || types.contains(change.type()))
                .filter(change -> regionKey == null || change.regions().contains(regionKey))
                .filter(change -> wanted == null || wanted.contains(change.subject()))
                .concatMap(change -> Mono.fromCallable(() -> view(change)).subscribeOn(Schedulers.boundedElastic())
                        // One read that fails (Neo4j away a moment) skips that change, not the subscription.
                        .onErrorResume(error -> skipped(change, error)));
    }

    private static Mono<EntityChange> skipped(ChangeFeed.Change change, Throwable error) {
        log.warn("Entity change {} not sent to a subscriber: {}", change.id(), error.getClass().getSimpleName());
        return Mono.empty();
    }

    @SuppressWarnings("unchecked")
    private EntityChange view(ChangeFeed.Change change) {
        var data = change.data();
        var kind = String.valueOf(data.get("change"));
        // A merged entry's id leads to its survivor, which is not the entry that changed.
        var entity = "MERGED".equals(kind) ? null
                : current.get(change.id(), event -> entities.byGlobalId(change.subject())).orElse(null);
        return new EntityChange(kind, change.subject(), change.type(), ((Number) data.get("version")).intValue(),
                (List<String>) data.getOrDefault("fields", List.of()), (String) data.get("mergedInto"),
                (String) data.get("relationship"), change.dueAt().toInstant().toString(), entity);
    }
}
