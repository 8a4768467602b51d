package org.partnernetz.history;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * A {@code revisions(first, after)} field: a page of the revisions of the object {@code key} names
 * (null: it has none), through the request's data loader ({@link Revisions#LOADER}), so a list of
 * objects reads their histories in one query. It states what it returns, so the schema inspection at
 * start checks the revision types as for any controller method.
 */
public record RevisionsFetcher(Function<DataFetchingEnvironment, String> key)
        implements SelfDescribingDataFetcher<CompletableFuture<Connection<Connection.Edge<Revision>>>> {

    private static final ResolvableType TYPE = ResolvableType.forClassWithGenerics(CompletableFuture.class,
            ResolvableType.forClassWithGenerics(Connection.class,
                    ResolvableType.forClassWithGenerics(Connection.Edge.class, Revision.class)));

    @Override
    public CompletableFuture<Connection<Connection.Edge<Revision>>> get(DataFetchingEnvironment env) {
        var page = PageRequest.of(env.getArgument("first"), env.getArgument("after"));
        var of = key.apply(env);
        if (of == null) {
            return CompletableFuture.completedFuture(Connection.ofNodes("revisions", List.of(), page, 0));
        }
        DataLoader<Revisions.Page, Connection<Connection.Edge<Revision>>> loader = env.getDataLoader(Revisions.LOADER);
        return loader.load(new Revisions.Page(of, page));
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
