package org.partnernetz.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated documents by their text. Partner websites send the same few documents over
 * and over with other variables, and parsing and validating one costs more than many a page's own
 * work. What a document parses and validates to depends only on its text and the schema, so the
 * cache needs no invalidation and several instances need not share it; it is bounded by the
 * documents' total length and their number (at most 2,000 small ones). The persisted queries
 * (package {@code persisted}) register the provider graphql-java runs and come here for the text a
 * request sent or a hash named.
 */
@Component
public class DocumentCache implements PreparsedDocumentProvider {

    /**
     * The budget of the cache, in characters of document text plus {@link #PER_DOCUMENT} for each
     * document: a parsed document takes more memory than its text, and a small one the most per
     * character, so many small distinct documents fill the budget sooner than their text alone would.
     */
    static final long BUDGET = 8_000_000;

    /** What each document counts beyond its text. */
    static final int PER_DOCUMENT = 4_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumWeight(BUDGET)
            .weigher((String text, PreparsedDocumentEntry entry) -> PER_DOCUMENT + text.length())
            .build();

    /**
     * The parsed document of a request's text: the one its execution cached, or parsed now (a
     * document that did not validate is kept without one). Throws graphql-java's
     * {@code InvalidSyntaxException} when the text does not parse.
     */
    public Document document(String text) {
        var entry = documents.getIfPresent(text);
        return entry != null && entry.getDocument() != null ? entry.getDocument() : Parser.parse(text);
    }

    /** The texts of the persisted queries that ran, by hash: the strings the cache above holds, so they cost little more. */
    private final Cache<String, String> persistedTexts = Caffeine.newBuilder().maximumSize(2_000).build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), text -> parseAndValidate.apply(input)));
    }

    /**
     * The entry of a persisted query's text, found by its hash: the cached one, or what
     * {@code parseAndValidate} makes of it. The hash is remembered, for {@link #document(String, Map)}.
     */
    public PreparsedDocumentEntry persisted(String hash, String text, Function<String, PreparsedDocumentEntry> parseAndValidate) {
        persistedTexts.put(hash, text);
        return documents.get(text, parseAndValidate);
    }

    /**
     * The parsed document of a request, whose text may be a persisted query's marker: then the text
     * its hash ({@code extensions.persistedQuery.sha256Hash}) named when it ran. Throws graphql-java's
     * {@code InvalidSyntaxException} when there is no such text or it does not parse.
     */
    public Document document(String text, Map<String, Object> extensions) {
        if (PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(text) && extensions != null
                && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
                && persisted.get("sha256Hash") instanceof String hash) {
            var known = persistedTexts.getIfPresent(hash.toLowerCase(java.util.Locale.ROOT));
            if (known != null) {
                return document(known);
            }
        }
        return document(text);
    }
}
