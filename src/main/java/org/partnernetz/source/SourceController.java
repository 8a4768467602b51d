package org.partnernetz.source;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code source} and {@code sources}: the documents every fact is traced to. */
@Controller
class SourceController {

    private final SourceService service;

    SourceController(SourceService service) {
        this.service = service;
    }

    @QueryMapping
    Source source(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Source>> sources(@Argument List<String> documentTypes,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(null, documentTypes, null, null), PageRequest.of(first, after));
    }
}
