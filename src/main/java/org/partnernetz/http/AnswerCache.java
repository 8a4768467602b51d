package org.partnernetz.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of public queries, kept by what makes them: the graph's revision, the request's text
 * (document or persisted query hash, operation name, variables, extensions) and the headers the
 * answer depends on ({@code Accept}, {@code Accept-Language}). Partner sites ask the same few
 * queries over and over; until the graph changes, the answer is the one given last time. A revision
 * that every write on any instance advances makes the cache right with several instances, each
 * keeping its own: a write changes every key at once, so an old answer is never found again (and
 * leaves by age or size). Only the {@code data} of an answer without errors is kept, and only for
 * queries that no data fetcher marked private ({@link org.partnernetz.graphql.Answers}); requests with
 * credentials or with bookmarks always run (see {@link GraphQlGet}). Its gets, hits and size are the
 * {@code cache.*} meters named {@value #NAME}.
 */
@Component
class AnswerCache {

    static final String NAME = "graphql.answers";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean enabled;
    private final long largest;
    private final Cache<String, Kept> answers;

    /** An answer's data and what it weighs: the length of its JSON. */
    private record Kept(Object data, int weight) {
    }

    AnswerCache(HttpProperties properties, ObjectProvider<MeterRegistry> meters) {
        var settings = properties.answers();
        this.enabled = settings.enabled();
        this.largest = settings.maxSize().toBytes() / 16;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Kept kept) -> key.length() + kept.weight())
                .expireAfterWrite(settings.timeToLive())
                .recordStats()
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, answers, NAME));
    }

    boolean enabled() {
        return enabled;
    }

    /** The key of a request's answer: a digest of the revision and of the parts given, in order. */
    static String key(String revision, String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(revision.getBytes(StandardCharsets.UTF_8));
            for (var part : parts) {
                digest.update((byte) 0);
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    Optional<Object> find(String key) {
        return Optional.ofNullable(answers.getIfPresent(key)).map(Kept::data);
    }

    /** Keeps the data of an answer, unless it is larger than a sixteenth of the cache. */
    void keep(String key, Object data) {
        if (data == null) {
            return;
        }
        var weight = JSON.writeValueAsBytes(data).length;
        if (weight <= largest) {
            answers.put(key, new Kept(data, weight));
        }
    }
}
