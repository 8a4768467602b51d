package org.partnernetz.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@code sources} list of relationships and collaboration links: every source id of a
 * request is loaded in one query.
 */
@Component
class SourceWiring implements RuntimeWiringConfigurer {

    private static final String LOADER = "sourcesByKey";
    private static final List<String> TYPES_WITH_SOURCES = List.of("Relationship", "CollaborationLink", "Identity");

    SourceWiring(BatchLoaderRegistry registry, SourceLoader sources) {
        registry.<String, Source>forName(LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> sources.byKeys(keys)));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<CompletableFuture<List<Source>>> sources = env -> {
            HasSources parent = env.getSource();
            DataLoader<String, Source> loader = env.getDataLoader(LOADER);
            return loader.loadMany(parent.sourceKeys())
                    .thenApply(list -> list.stream().filter(java.util.Objects::nonNull).toList());
        };
        TYPES_WITH_SOURCES.forEach(type -> wiring.type(type, t -> t.dataFetcher("sources", sources)));
    }
}
