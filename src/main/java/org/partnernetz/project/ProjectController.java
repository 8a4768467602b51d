package org.partnernetz.project;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code project} and {@code projects}: programmes, campaigns, model projects and laws. */
@Controller
class ProjectController {

    private final EntityQueries entities;

    ProjectController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Project project(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.Project, id, slug, Project.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Project>> projects(@Argument String name, @Argument List<String> kinds, @Argument Integer first, @Argument String after) {
        return entities.list(Label.Project, new EntityQueries.Filter(name, kinds, null, null), PageRequest.of(first, after), Project.class);
    }
}
