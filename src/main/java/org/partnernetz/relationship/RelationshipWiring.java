package org.partnernetz.relationship;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers a batch-loading data fetcher for every field of {@link RelationshipField#ALL}, so that
 * adding a relationship field to the API is one line in that table plus its line in the schema.
 */
@Component
class RelationshipWiring implements RuntimeWiringConfigurer {

    private static final String LOADER = "relationships";

    RelationshipWiring(BatchLoaderRegistry registry, RelationshipLoader loader) {
        registry.<RelationshipLoader.Key, RelationshipLoader.Loaded>forName(LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loader.load(keys)));
    }

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
        for (var field : RelationshipField.ALL) {
            wiring.type(field.typeName(), type -> type.dataFetcher(field.field(), fetcher(field)));
        }
    }

    private static DataFetcher<CompletableFuture<Object>> fetcher(RelationshipField field) {
        return env -> {
            GraphObject parent = env.getSource();
            var page = field.shape() == RelationshipField.Shape.SINGLE
                    ? new PageRequest(1, null)
                    : PageRequest.of(env.getArgument("first"), env.getArgument("after"));
            return loader(env).load(new RelationshipLoader.Key(field, parent.key(), filter(env), page))
                    .thenApply(loaded -> shape(field, page, loaded));
        };
    }

    /** The filter arguments a field declares in the schema; absent ones do not filter. */
    private static RelationshipLoader.Filter filter(DataFetchingEnvironment env) {
        List<String> kinds = env.getArgument("kinds");
        List<String> roles = env.getArgument("roles");
        Boolean subregions = env.getArgument("includeSubregions");
        if (kinds == null && roles == null && subregions == null) {
            return RelationshipLoader.Filter.NONE;
        }
        return new RelationshipLoader.Filter(kinds, roles, subregions != null && subregions);
    }

    private static Object shape(RelationshipField field, PageRequest page, RelationshipLoader.Loaded loaded) {
        return switch (field.shape()) {
            case RELATIONSHIPS -> Connection.of(rows(loaded), page, loaded.total(),
                    (row, cursor) -> new Relationship.Edge(cursor, row.node(), row.relationship()));
            case SOURCES, FIGURES -> Connection.of(rows(loaded), page, loaded.total(),
                    (row, cursor) -> new Connection.Edge<>(cursor, row.node()));
            case SINGLE -> loaded.rows().isEmpty() ? null : loaded.rows().getFirst().node();
        };
    }

    private static List<Connection.Row<RelationshipLoader.Row>> rows(RelationshipLoader.Loaded loaded) {
        return Connection.rows(loaded.rows(), RelationshipLoader.Row::key);
    }

    private static DataLoader<RelationshipLoader.Key, RelationshipLoader.Loaded> loader(DataFetchingEnvironment env) {
        return env.getDataLoader(LOADER);
    }
}
