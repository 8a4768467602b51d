package org.partnernetz.project;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code project} and {@code projects}: programmes, campaigns, model projects and laws. */
@Controller
class ProjectController {

    private final ProjectService service;

    ProjectController(ProjectService service) {
        this.service = service;
    }

    @QueryMapping
    Project project(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Project>> projects(@Argument String name, @Argument List<String> kinds,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(name, kinds, null, null), PageRequest.of(first, after));
    }
}
