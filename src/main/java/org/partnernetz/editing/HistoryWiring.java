package org.partnernetz.editing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.partnernetz.relationship.Relationship;
import org.partnernetz.seed.EntryRules;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code version}, {@code updatedAt}, {@code updatedBy} and {@code revisions} on every type the
 * API edits, and {@code revisions} on relationships: read through the request's data loaders, one
 * query per level whatever the number of objects, and only when a client asks for them, so the
 * records of the features need not carry them.
 */
@Component
class HistoryWiring implements RuntimeWiringConfigurer {

    private static final String STAMPS = "stamps";

    /** The history fields of one entry. */
    record Stamp(int version, OffsetDateTime updatedAt, String updatedBy) {
    }

    private static final Stamp NEVER = new Stamp(1, null, null);

    private final Nodes nodes;
    private final Neo4jClient neo4j;

    HistoryWiring(Nodes nodes, Neo4jClient neo4j, BatchLoaderRegistry registry) {
        this.nodes = nodes;
        this.neo4j = neo4j;
        // Not cached within a request: a document that changes an entry twice reads each new version.
        registry.<String, Stamp>forName(STAMPS)
                .withOptions(options -> options.setCachingEnabled(false))
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> stamps(keys)));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        var entryRevisions = new RevisionsFetcher(env -> ((GraphObject) env.getSource()).key());
        nodes.all().stream().filter(type -> EntryRules.editable(type.label())).forEach(type -> wiring.type(
                type.label().name(), t -> t.dataFetcher("version", stamp(Stamp::version))
                        .dataFetcher("updatedAt", stamp(stamp -> stamp.updatedAt() == null ? null
                                : stamp.updatedAt().toInstant().toString()))
                        .dataFetcher("updatedBy", stamp(Stamp::updatedBy))
                        .dataFetcher("revisions", entryRevisions)));
        wiring.type("Relationship", t -> t.dataFetcher("revisions",
                new RevisionsFetcher(env -> ((Relationship) env.getSource()).id())));
    }

    /**
     * A page of revisions through the request's data loader; it states what it returns, so the
     * schema inspection at start checks the revision types as for any controller method.
     */
    private record RevisionsFetcher(Function<DataFetchingEnvironment, String> key)
            implements SelfDescribingDataFetcher<CompletableFuture<Connection<Connection.Edge<Revision>>>> {

        private static final ResolvableType TYPE = ResolvableType.forClassWithGenerics(CompletableFuture.class,
                ResolvableType.forClassWithGenerics(Connection.class,
                        ResolvableType.forClassWithGenerics(Connection.Edge.class, Revision.class)));

        @Override
        public CompletableFuture<Connection<Connection.Edge<Revision>>> get(DataFetchingEnvironment env) {
            var entry = key.apply(env);
            if (entry == null) {
                // A tie the hub derives has no id and no history.
                return CompletableFuture.completedFuture(Connection.ofNodes("revisions", List.of(), page(env), 0));
            }
            return revisions(env, entry);
        }

        @Override
        public String getDescription() {
            return "revisions";
        }

        @Override
        public ResolvableType getReturnType() {
            return TYPE;
        }
    }

    private static <T> DataFetcher<CompletableFuture<T>> stamp(Function<Stamp, T> field) {
        return env -> {
            GraphObject object = env.getSource();
            DataLoader<String, Stamp> loader = env.getDataLoader(STAMPS);
            return loader.load(object.key()).thenApply(field);
        };
    }

    private static CompletableFuture<Connection<Connection.Edge<Revision>>> revisions(DataFetchingEnvironment env,
            String key) {
        DataLoader<Revisions.Page, Connection<Connection.Edge<Revision>>> loader = env.getDataLoader(Revisions.LOADER);
        return loader.load(new Revisions.Page(key, page(env)));
    }

    private static PageRequest page(DataFetchingEnvironment env) {
        return PageRequest.of(env.getArgument("first"), env.getArgument("after"));
    }

    private Map<String, Stamp> stamps(Set<String> keys) {
        var stamps = new HashMap<String, Stamp>();
        neo4j.query("""
                UNWIND $keys AS key
                MATCH (n:Entity {key: key})
                RETURN key, coalesce(n.version, 1) AS version, n.updatedAt AS updatedAt, n.updatedBy AS updatedBy""")
                .bind(List.copyOf(keys)).to("keys").fetch().all().forEach(row -> stamps.put((String) row.get("key"),
                        new Stamp(((Number) row.get("version")).intValue(), row.get("updatedAt") == null ? null
                                : OffsetDateTime.from((java.time.temporal.TemporalAccessor) row.get("updatedAt")),
                                (String) row.get("updatedBy"))));
        keys.forEach(key -> stamps.putIfAbsent(key, NEVER));
        return stamps;
    }
}
