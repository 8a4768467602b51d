package org.partnernetz.relationship;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partnernetz.graph.GraphObject;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers a batch-loading data fetcher for every {@link RelationshipField} the features declare,
 * so that adding a relationship field to the API is one line in its feature's table plus its line in
 * the schema. The fetchers say what they return, so Spring's schema inspection checks the types
 * below them too.
 */
@Component
class RelationshipWiring implements RuntimeWiringConfigurer {

    private static final String LOADER = "relationships";

    private final List<RelationshipField> fields;

    RelationshipWiring(BatchLoaderRegistry registry, RelationshipLoader loader, List<RelationshipFields> declared) {
        this.fields = declared.stream().flatMap(fields -> fields.fields().stream()).toList();
        registry.<RelationshipLoader.Key, RelationshipLoader.Loaded>forName(LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loader.load(keys)));
    }

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
        for (var field : fields) {
            wiring.type(field.typeName(), type -> type.dataFetcher(field.field(), new Fetcher(field)));
        }
    }

    /** Loads one field of one parent through the request's data loader. */
    private record Fetcher(RelationshipField field) implements SelfDescribingDataFetcher<CompletableFuture<Object>> {

        @Override
        public CompletableFuture<Object> get(DataFetchingEnvironment env) {
            GraphObject parent = env.getSource();
            var page = field.shape() == RelationshipField.Shape.SINGLE
                    ? new PageRequest(1)
                    : PageRequest.of(env.getArgument("first"), env.getArgument("after"));
            DataLoader<RelationshipLoader.Key, RelationshipLoader.Loaded> loader = env.getDataLoader(LOADER);
            return loader.load(new RelationshipLoader.Key(field, parent.key(), filter(env), page))
                    .thenApply(loaded -> shape(page, loaded));
        }

        @Override
        public String getDescription() {
            return field.typeName() + "." + field.field();
        }

        @Override
        public ResolvableType getReturnType() {
            return switch (field.shape()) {
                case RELATIONSHIPS -> ResolvableType.forClassWithGenerics(Connection.class, RelationshipEdge.class);
                case SOURCES, FIGURES -> ResolvableType.forClassWithGenerics(Connection.class,
                        ResolvableType.forClassWithGenerics(Connection.Edge.class, field.itemType()));
                case SINGLE -> ResolvableType.forClass(field.itemType());
            };
        }

        @Override
        public boolean usesDataLoader() {
            return true;
        }

        private Object shape(PageRequest page, RelationshipLoader.Loaded loaded) {
            var rows = Connection.rows(loaded.rows(), RelationshipLoader.Row::key);
            return switch (field.shape()) {
                case RELATIONSHIPS -> Connection.of(getDescription(), rows, page, loaded.total(),
                        (row, cursor) -> new RelationshipEdge(cursor, row.node(), row.relationship()));
                case SOURCES, FIGURES -> Connection.of(getDescription(), rows, page, loaded.total(),
                        (row, cursor) -> new Connection.Edge<>(cursor, row.node()));
                case SINGLE -> loaded.rows().isEmpty() ? null : loaded.rows().getFirst().node();
            };
        }
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
}
