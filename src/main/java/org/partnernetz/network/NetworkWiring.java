package org.partnernetz.network;

import java.util.List;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.partnernetz.graphql.PageRequest;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * The lists a page read along with itself, {@code PartnerEdge.ties} and {@code Collaboration.links}:
 * the page holds as many as the largest selection asks for, and each selection shows the first
 * {@code first} of them. Plain data fetchers, answered at once: a controller method would be
 * invoked, and handed to another thread, once for every partner or pair of the page.
 */
@Component
class NetworkWiring implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("PartnerEdge", type -> type.dataFetcher("ties",
                new Head<>("PartnerEdge.ties", PartnerTie.class, PartnerEdge::ties)));
        wiring.type("Collaboration", type -> type.dataFetcher("links",
                new Head<>("Collaboration.links", CollaborationLink.class, Collaboration::links)));
    }

    /** The first {@code first} items of a list its parent holds. */
    private record Head<P, T>(String description, Class<T> itemType, Function<P, List<T>> list)
            implements SelfDescribingDataFetcher<List<T>> {

        @Override
        public List<T> get(DataFetchingEnvironment environment) {
            P parent = environment.getSource();
            var items = list.apply(parent);
            int size = PageRequest.nested(environment.<Integer>getArgument("first"));
            return items.subList(0, Math.min(size, items.size()));
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public ResolvableType getReturnType() {
            return ResolvableType.forClassWithGenerics(List.class, itemType);
        }
    }
}
