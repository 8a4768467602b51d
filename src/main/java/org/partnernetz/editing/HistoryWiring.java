package org.partnernetz.editing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graph.Nodes;
import org.partnernetz.history.RevisionsFetcher;
import org.partnernetz.relationship.Relationship;
import org.partnernetz.seed.EntryRules;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
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
        // A tie the hub derives has no id and no history.
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

    private static <T> DataFetcher<CompletableFuture<T>> stamp(Function<Stamp, T> field) {
        return env -> {
            GraphObject object = env.getSource();
            DataLoader<String, Stamp> loader = env.getDataLoader(STAMPS);
            return loader.load(object.key()).thenApply(field);
        };
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
