package org.partnernetz.graphql;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.GraphObject;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)}: refetch any object by its global id. */
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
