package org.partnernetz.topic;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code targetGroup} and {@code targetGroups}: the groups programmes and councils are aimed at. */
@Controller
class TargetGroupController {

    private final EntityQueries entities;

    TargetGroupController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    TargetGroup targetGroup(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.TargetGroup, id, slug, TargetGroup.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<TargetGroup>> targetGroups(@Argument String name, @Argument Integer first, @Argument String after) {
        return entities.list(Label.TargetGroup, EntityQueries.Filter.byName(name), PageRequest.of(first, after), TargetGroup.class);
    }
}
