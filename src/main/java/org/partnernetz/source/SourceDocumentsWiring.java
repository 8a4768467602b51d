package org.partnernetz.source;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.partnernetz.graph.HasSources;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@code sources} list of relationships, collaboration links and identities: every
 * source id of a request is loaded in one query.
 */
@Component
class SourceDocumentsWiring implements RuntimeWiringConfigurer {

    static final String LOADER = "sourcesByKey";
    private static final List<String> TYPES_WITH_SOURCES = List.of("Relationship", "CollaborationLink", "Identity");

    SourceDocumentsWiring(BatchLoaderRegistry registry, SourceLoader sources) {
        registry.<String, Source>forName(LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> sources.byKeys(keys)));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        TYPES_WITH_SOURCES.forEach(type -> wiring.type(type, t -> t.dataFetcher("sources", new Fetcher(type))));
    }

    /** The documents behind one fact, in the order it lists them. */
    private record Fetcher(String typeName) implements SelfDescribingDataFetcher<CompletableFuture<List<Source>>> {

        @Override
        public CompletableFuture<List<Source>> get(DataFetchingEnvironment env) {
            HasSources parent = env.getSource();
            DataLoader<String, Source> loader = env.getDataLoader(LOADER);
            return loader.loadMany(parent.sourceKeys())
                    .thenApply(list -> list.stream().filter(Objects::nonNull).toList());
        }

        @Override
        public String getDescription() {
            return typeName + ".sources";
        }

        @Override
        public ResolvableType getReturnType() {
            return ResolvableType.forClassWithGenerics(List.class, Source.class);
        }

        @Override
        public boolean usesDataLoader() {
            return true;
        }
    }
}
