package org.partnernetz.graphql;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.partnernetz.graph.GraphObject;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** {@code description(locale:)} on every described type: English falls back to German. */
@Component
class DescriptionWiring implements RuntimeWiringConfigurer {

    private static final List<String> DESCRIBED_TYPES = List.of("Organisation", "Project", "Event", "Person", "TargetGroup", "Topic", "Milestone");

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<String> description = env -> {
            GraphObject.Described described = env.getSource();
            var english = "EN".equals(env.getArgument("locale"));
            return english && described.descriptionEn() != null ? described.descriptionEn() : described.description();
        };
        DESCRIBED_TYPES.forEach(type -> wiring.type(type, t -> t.dataFetcher("description", description)));
    }
}
