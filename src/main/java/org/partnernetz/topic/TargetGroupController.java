package org.partnernetz.topic;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code targetGroup} and {@code targetGroups}: the groups programmes and councils are aimed at. */
@Controller
class TargetGroupController {

    private final TargetGroupService service;

    TargetGroupController(TargetGroupService service) {
        this.service = service;
    }

    @QueryMapping
    TargetGroup targetGroup(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<TargetGroup>> targetGroups(@Argument String name,
            @Argument Integer first, @Argument String after) {
        return service.list(EntityQueries.Filter.byName(name), PageRequest.of(first, after));
    }
}
