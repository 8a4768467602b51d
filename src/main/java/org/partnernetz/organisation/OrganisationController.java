package org.partnernetz.organisation;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code organisation} and {@code organisations}: bodies of the network, by id, slug or name. */
@Controller
class OrganisationController {

    private final OrganisationService service;

    OrganisationController(OrganisationService service) {
        this.service = service;
    }

    @QueryMapping
    Organisation organisation(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Organisation>> organisations(@Argument String name, @Argument List<String> kinds,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(name, kinds, null, null), PageRequest.of(first, after));
    }
}
