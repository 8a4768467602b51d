package org.partnernetz.event;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code event} and {@code events}: dated occasions, by name, kind and time window. */
@Controller
class EventController {

    private final EventService service;

    EventController(EventService service) {
        this.service = service;
    }

    @QueryMapping
    Event event(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Event>> events(@Argument String name, @Argument List<String> kinds,
            @Argument String from, @Argument String to, @Argument Integer first, @Argument String after) {
        var filter = new EntityQueries.Filter(name, kinds, Dates.argument("from", from), Dates.argument("to", to));
        return service.list(filter, PageRequest.of(first, after));
    }
}
