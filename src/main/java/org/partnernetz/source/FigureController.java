package org.partnernetz.source;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code figures}: the numbers the documents give, by subject, metric and time. */
@Controller
class FigureController {

    private final EntityQueries entities;

    FigureController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Connection<Connection.Edge<Figure>> figures(@Argument String subject, @Argument String region,
            @Argument List<String> metrics, @Argument String from, @Argument String to, @Argument Integer first,
            @Argument String after) {
        var page = PageRequest.of(first, after);
        var filter = new EntityQueries.Filter(null, metrics, Dates.argument("from", from), Dates.argument("to", to),
                subject == null ? null : entities.resolveAnyKey(subject, "subject"),
                region == null ? null : entities.resolveKey(Label.Region, region, "region"));
        return entities.list(Label.Figure, filter, page, Figure.class);
    }
}
