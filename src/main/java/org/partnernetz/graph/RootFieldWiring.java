package org.partnernetz.graph;

import java.util.List;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The root lookups and lists of every kind of object ({@code organisation}/{@code organisations},
 * {@code region}/{@code regions} ...). They differ only in label and filters, so one table says
 * what each offers and {@link EntityQueries} answers them all.
 */
@Component
class RootFieldWiring implements RuntimeWiringConfigurer {

    /** A kind of object's two root fields and how its list arguments become a filter. */
    record RootFields(Label label, String one, String many, Function<DataFetchingEnvironment, EntityQueries.Filter> filter) {
    }

    static final List<RootFields> ALL = List.of(
            new RootFields(Label.Organisation, "organisation", "organisations",
                    env -> new EntityQueries.Filter(env.getArgument("name"), env.getArgument("kinds"), null, null)),
            new RootFields(Label.Project, "project", "projects",
                    env -> new EntityQueries.Filter(env.getArgument("name"), env.getArgument("kinds"), null, null)),
            new RootFields(Label.Event, "event", "events",
                    env -> new EntityQueries.Filter(env.getArgument("name"), env.getArgument("kinds"),
                            Dates.argument("from", env.getArgument("from")), Dates.argument("to", env.getArgument("to")))),
            new RootFields(Label.Person, "person", "people",
                    env -> EntityQueries.Filter.byName(env.getArgument("name"))),
            new RootFields(Label.Region, "region", "regions",
                    env -> new EntityQueries.Filter(env.getArgument("name"), env.getArgument("types"), null, null)),
            new RootFields(Label.Source, "source", "sources",
                    env -> new EntityQueries.Filter(null, env.getArgument("documentTypes"), null, null)),
            new RootFields(Label.TargetGroup, "targetGroup", "targetGroups",
                    env -> EntityQueries.Filter.byName(env.getArgument("name"))),
            new RootFields(Label.Topic, "topic", "topics",
                    env -> new EntityQueries.Filter(env.getArgument("name"), env.getArgument("kinds"), null, null)));

    private final EntityQueries entities;

    RootFieldWiring(EntityQueries entities) {
        this.entities = entities;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> {
            for (var fields : ALL) {
                type.dataFetcher(fields.one(), one(fields.label()));
                type.dataFetcher(fields.many(), many(fields));
            }
            type.dataFetcher("node", env -> entities.byGlobalId(env.getArgument("id")).orElse(null));
            return type;
        });
    }

    private DataFetcher<Object> one(Label label) {
        return env -> entities.findOne(label, env.getArgument("id"), env.getArgument("slug"), Object.class).orElse(null);
    }

    private DataFetcher<Object> many(RootFields fields) {
        return env -> entities.list(fields.label(), fields.filter().apply(env),
                PageRequest.of(env.getArgument("first"), env.getArgument("after")), Object.class);
    }
}
