package org.partnernetz.source;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code source} and {@code sources}: the documents every fact is traced to. */
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
    Connection<Connection.Edge<Source>> sources(@Argument List<String> documentTypes, @Argument Integer first, @Argument String after) {
        return entities.list(Label.Source, new EntityQueries.Filter(null, documentTypes, null, null), PageRequest.of(first, after), Source.class);
    }
}
