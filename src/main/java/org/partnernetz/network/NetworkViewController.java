package org.partnernetz.network;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code network(...)}, {@code networkMeasures} and {@code path}: selections of the network as nodes
 * and edges, their measures, and routes through it.
 */
@Controller
class NetworkViewController {

    private final NetworkViews views;
    private final NetworkMeasures measures;

    NetworkViewController(NetworkViews views, NetworkMeasures measures) {
        this.views = views;
        this.measures = measures;
    }

    @QueryMapping
    NetworkView network(@Arguments NetworkViews.Selection selection) {
        return views.view(selection);
    }

    /** The selection's arguments as for {@code network} (the schema gives {@code limit} its default of 2000 here). */
    @QueryMapping
    NetworkMeasures.Result networkMeasures(@Arguments NetworkViews.Selection selection, @Argument Integer seed,
            @Argument String orderBy, @Argument Integer first, @Argument String after, @Argument Boolean fresh) {
        return measures.measure(selection, seed, orderBy == null ? "PAGE_RANK" : orderBy,
                org.partnernetz.graphql.PageRequest.of(first, after), Boolean.TRUE.equals(fresh));
    }

    @QueryMapping
    NetworkViews.Path path(@Argument String from, @Argument String to, @Argument Integer maxHops,
            @Argument List<String> via) {
        return views.path(from, to, maxHops, via).orElse(null);
    }
}
