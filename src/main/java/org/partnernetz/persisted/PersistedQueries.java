package org.partnernetz.persisted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.partnernetz.graphql.DocumentCache;
import org.partnernetz.graphql.GetRequests;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Which document a request runs: Apollo's automatic persisted queries (graphql-java's
 * {@link ApolloPersistedQuerySupport}: {@code extensions.persistedQuery {version: 1, sha256Hash}}),
 * or trusted documents only, by {@link PersistedProperties#mode()}. It reads the request's
 * {@code extensions}, so a hash works the same in a POST body and in a GET's parameters. The
 * registered texts live in Neo4j ({@link PersistedDocumentStore}); their parsed and validated form
 * is the {@link DocumentCache}'s, shared with documents sent in full.
 *
 * <p>Refusals carry what Apollo clients look for: the message {@code PersistedQueryNotFound} and
 * {@code extensions.code} {@code PERSISTED_QUERY_NOT_FOUND} for an unknown hash (the client then
 * sends hash and text, which registers the text after its hash is checked), and
 * {@code PERSISTED_QUERY_NOT_SUPPORTED} when persisted queries are off (the client stops sending
 * hashes). Each also has the hub's own classification. A request that came by GET may select only
 * a query ({@link GetRequests}), however its document came.
 */
@Component
class PersistedQueries extends ApolloPersistedQuerySupport implements GraphQlSourceBuilderCustomizer {

    /** The GraphQL context key that says the caller may run documents nobody registered (an admin). */
    static final String TRUSTED_CALLER = PersistedQueries.class.getName() + ".trustedCaller";

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final PersistedProperties properties;
    private final DocumentCache documents;
    private final PersistedDocumentStore store;

    /** A document that is not registered, refused in trusted mode. */
    static final class NotAllowed extends PersistedQueryError {
    }

    /** A hash sent while persisted queries are off. */
    static final class NotSupported extends PersistedQueryError {
    }

    PersistedQueries(PersistedProperties properties, DocumentCache documents, PersistedDocumentStore store) {
        super(new Registered(properties, documents, store));
        this.properties = properties;
        this.documents = documents;
        this.store = store;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        var extension = input.getExtensions() == null ? null : input.getExtensions().get("persistedQuery");
        if (extension != null) {
            if (properties.mode() == PersistedProperties.Mode.OFF) {
                return CompletableFuture.completedFuture(mkMissingError(new NotSupported()));
            }
            if (!(extension instanceof Map<?, ?> persisted) || !Integer.valueOf(1).equals(number(persisted.get("version")))
                    || !(persisted.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
                return CompletableFuture.completedFuture(error(ErrorType.BAD_REQUEST, "PERSISTED_QUERY_INVALID",
                        "extensions.persistedQuery must be {version: 1, sha256Hash: the SHA-256 of the document in 64 hex digits}"));
            }
            return super.getDocumentAsync(input, parseAndValidate).thenApply(entry -> GetRequests.queriesOnly(input, entry));
        }
        if (properties.mode() == PersistedProperties.Mode.TRUSTED && !trustedCaller(input)
                && store.find(PersistedDocumentStore.hash(input.getQuery()), true).filter(PersistedDocumentStore.Stored::trusted).isEmpty()) {
            return CompletableFuture.completedFuture(mkMissingError(new NotAllowed()));
        }
        return documents.getDocumentAsync(input, parseAndValidate).thenApply(entry -> GetRequests.queriesOnly(input, entry));
    }

    @Override
    protected Optional<Object> getPersistedQueryId(ExecutionInput input) {
        // Checked in getDocumentAsync: a map holding a hash of 64 hex digits, which is stored in lower case.
        return super.getPersistedQueryId(input).map(hash -> hash.toString().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected PreparsedDocumentEntry mkMissingError(PersistedQueryError refusal) {
        return switch (refusal) {
            case PersistedQueryNotFound notFound -> error(ErrorType.NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
            case PersistedQueryIdInvalid invalid -> error(ErrorType.BAD_REQUEST, "PERSISTED_QUERY_ID_INVALID",
                    "PersistedQueryIdInvalid: sha256Hash is not the SHA-256 of the query sent with it");
            case NotSupported notSupported -> error(ErrorType.BAD_REQUEST, "PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
            case NotAllowed notAllowed -> error(ErrorType.FORBIDDEN, "PERSISTED_QUERY_NOT_ALLOWED",
                    "PersistedQueryNotAllowed: this hub runs only documents an admin registered (registerTrustedDocuments)");
            default -> error(ErrorType.BAD_REQUEST, "PERSISTED_QUERY_INVALID", refusal.getMessage());
        };
    }

    private static PreparsedDocumentEntry error(ErrorClassification classification, String code, String message) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().errorType(classification).message(message)
                .extensions(Map.of("code", code)).build());
    }

    private static Object number(Object value) {
        return value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue() : value;
    }

    private static boolean trustedCaller(ExecutionInput input) {
        return Boolean.TRUE.equals(input.getGraphQLContext().get(TRUSTED_CALLER));
    }

    /**
     * The registered documents as graphql-java's cache of persisted queries: a hash found runs its
     * text; a hash with a text registers the text (in {@code apq} mode) once the hash is checked.
     */
    private record Registered(PersistedProperties properties, DocumentCache documents, PersistedDocumentStore store)
            implements PersistedQueryCache {

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id, ExecutionInput input,
                PersistedQueryCacheMiss parseAndValidate) {
            var hash = id.toString();
            var query = input.getQuery();
            boolean sent = query != null && !query.isBlank() && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
            if (sent && !PersistedDocumentStore.hash(query).equals(hash)) {
                throw new PersistedQueryIdInvalid(hash);
            }
            boolean trustedOnly = properties.mode() == PersistedProperties.Mode.TRUSTED && !trustedCaller(input);
            var stored = store.find(hash, trustedOnly).filter(found -> found.trusted() || !trustedOnly);
            if (stored.isPresent()) {
                return CompletableFuture.completedFuture(documents.persisted(hash, stored.get().document(), parseAndValidate));
            }
            if (!sent) {
                throw new PersistedQueryNotFound(hash);
            }
            if (trustedOnly) {
                throw new NotAllowed();
            }
            var entry = documents.persisted(hash, query, parseAndValidate);
            // Only documents that validate, and not too long ones, are kept; the others run (and fail) as sent.
            if (properties.mode() == PersistedProperties.Mode.APQ && !entry.hasErrors()
                    && query.length() <= properties.maxDocumentLength()) {
                store.register(List.of(query), false);
            }
            return CompletableFuture.completedFuture(entry);
        }
    }
}
