package org.partnernetz.source;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Root fields for sources: one by id or slug, and filtered pages. */
@Controller
class SourceController {

    private final EntityQueries entities;

    SourceController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Source source(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.Source, id, slug, Source.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Source>> sources(@Argument Integer first, @Argument String after) {
        return entities.list(Label.Source, EntityQueries.Filter.byName(null), PageRequest.of(first, after), Source.class);
    }
}
