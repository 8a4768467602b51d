package org.partnernetz.content;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.Nodes;
import org.partnernetz.subscription.ChangeFeed;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code contentPublished}: the items that show to partners, as the change feed hears of them from
 * any instance, each read as {@code content} reads it (its live published version, in the language
 * asked for) off the feed's thread.
 */
@Controller
class ContentSubscriptionController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContentSubscriptionController.class);

    private static final Set<String> PUBLISHED = Set.of("CONTENT_PUBLISHED", "CONTENT_UPDATED");

    private final ChangeFeed feed;
    private final ContentService service;
    private final EntityQueries entities;
    private final Nodes nodes;
    /** Each item read once per change and instance, however many subscribers hear of it. */
    private final Cache<String, Optional<ContentQueries.Stored>> published = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    ContentSubscriptionController(ChangeFeed feed, ContentService service, EntityQueries entities, Nodes nodes) {
        this.feed = feed;
        this.service = service;
        this.entities = entities;
        this.nodes = nodes;
    }

    /** One item that showed, as {@code ContentPublication} has it. */
    record ContentPublication(String event, String occurredAt, ContentItem content) {
    }

    @SubscriptionMapping
    Flux<ContentPublication> contentPublished(@Argument List<String> types, @Argument String region,
            @Argument String tag, @Argument String locale,
            @ContextValue(name = ContentWiring.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        var language = ContentView.language(locale, acceptLanguage);
        var regionKey = region == null ? null : entities.resolveKey(Label.Region, region, "region");
        return feed.changes()
                .filter(change -> PUBLISHED.contains(change.event()))
                .filter(change -> types == null || types.isEmpty() || types.contains(change.type()))
                .filter(change -> regionKey == null || change.regions().contains(regionKey))
                .filter(change -> tag == null || change.tags().contains(tag))
                .concatMap(change -> Mono.fromCallable(() -> published.get(change.id(),
                                        event -> service.published(change.subject(), null))
                                .map(item -> new ContentPublication(change.event(), change.dueAt().toInstant().toString(),
                                        ContentView.of(item, language, false, nodes)))
                                .orElse(null))
                        .subscribeOn(Schedulers.boundedElastic())
                        // One read that fails (Neo4j away a moment) skips that item, not the subscription.
                        .onErrorResume(error -> {
                            log.warn("Publication {} not sent to a subscriber: {}", change.id(),
                                    error.getClass().getSimpleName());
                            return Mono.empty();
                        }));
    }
}
