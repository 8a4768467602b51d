package org.partnernetz.person;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code person} and {@code people}: named people. */
@Controller
class PersonController {

    private final PersonService service;

    PersonController(PersonService service) {
        this.service = service;
    }

    @QueryMapping
    Person person(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Person>> people(@Argument String name,
            @Argument Integer first, @Argument String after) {
        return service.list(EntityQueries.Filter.byName(name), PageRequest.of(first, after));
    }
}
