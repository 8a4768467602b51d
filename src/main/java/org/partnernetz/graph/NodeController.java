package org.partnernetz.graph;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)}: any object by its global id, so clients can cache and refetch it. */
@Controller
class NodeController {

    private final EntityQueries entities;

    NodeController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    GraphObject node(@Argument String id) {
        return entities.byGlobalId(id).orElse(null);
    }
}
