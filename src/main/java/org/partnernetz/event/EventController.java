package org.partnernetz.event;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Root fields for events: one by id or slug, and filtered pages. */
@Controller
class EventController {

    private final EntityQueries entities;

    EventController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Event event(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.Event, id, slug, Event.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Event>> events(@Argument String name, @Argument String from, @Argument String to, @Argument Integer first, @Argument String after) {
        return entities.list(Label.Event, new EntityQueries.Filter(name, null, Dates.argument("from", from), Dates.argument("to", to)), PageRequest.of(first, after), Event.class);
    }
}
