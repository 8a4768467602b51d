package org.partnernetz.topic;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code topic} and {@code topics}: services, sectors, fields of activity and themes. */
@Controller
class TopicController {

    private final TopicService service;

    TopicController(TopicService service) {
        this.service = service;
    }

    @QueryMapping
    Topic topic(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Topic>> topics(@Argument String name, @Argument List<String> kinds,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(name, kinds, null, null), PageRequest.of(first, after));
    }
}
