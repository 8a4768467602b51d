package org.partnernetz.graph;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code description(locale:)} on every type whose record is {@link GraphObject.Described}: English
 * falls back to German.
 */
@Component
class DescriptionWiring implements RuntimeWiringConfigurer {

    private final Nodes nodes;

    DescriptionWiring(Nodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<String> description = env -> {
            GraphObject.Described described = env.getSource();
            var english = "EN".equals(env.getArgument("locale"));
            return english && described.descriptionEn() != null ? described.descriptionEn() : described.description();
        };
        nodes.all().stream()
                .filter(type -> GraphObject.Described.class.isAssignableFrom(type.type()))
                .forEach(type -> wiring.type(type.label().name(), t -> t.dataFetcher("description", description)));
    }
}
