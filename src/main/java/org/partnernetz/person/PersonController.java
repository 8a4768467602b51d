package org.partnernetz.person;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code person} and {@code people}: named people. */
@Controller
class PersonController {

    private final EntityQueries entities;

    PersonController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Person person(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.Person, id, slug, Person.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Person>> people(@Argument String name, @Argument Integer first, @Argument String after) {
        return entities.list(Label.Person, EntityQueries.Filter.byName(name), PageRequest.of(first, after), Person.class);
    }
}
