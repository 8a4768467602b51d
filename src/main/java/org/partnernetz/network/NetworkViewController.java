package org.partnernetz.network;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
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
    NetworkView network(@Argument String region, @Argument String project, @Argument String event,
            @Argument String organisation, @Argument Integer depth, @Argument List<String> kinds,
            @Argument List<String> relationshipTypes, @Argument String from, @Argument String to, @Argument String asOf,
            @Argument Integer limit) {
        return views.view(new NetworkViews.Selection(region, project, event, organisation, depth, kinds,
                relationshipTypes, from, to, asOf, limit));
    }

    @QueryMapping
    NetworkMeasures.Result networkMeasures(@Argument String region, @Argument String project, @Argument String event,
            @Argument String organisation, @Argument Integer depth, @Argument List<String> kinds,
            @Argument List<String> relationshipTypes, @Argument String from, @Argument String to, @Argument String asOf,
            @Argument Integer limit, @Argument Integer seed, @Argument String orderBy, @Argument Integer first,
            @Argument String after) {
        return measures.measure(new NetworkViews.Selection(region, project, event, organisation, depth, kinds,
                relationshipTypes, from, to, asOf, limit == null ? NetworkViews.MAX_LIMIT : limit), seed,
                orderBy == null ? "PAGE_RANK" : orderBy, org.partnernetz.graphql.PageRequest.of(first, after));
    }

    @QueryMapping
    NetworkViews.Path path(@Argument String from, @Argument String to, @Argument Integer maxHops,
            @Argument List<String> via) {
        return views.path(from, to, maxHops, via).orElse(null);
    }
}
