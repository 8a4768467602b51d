package org.partnernetz.source;

import java.util.List;

import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code figures}: the numbers the documents give, by subject, region, metric and time. */
@Controller
class FigureController {

    private final FigureService figures;

    FigureController(FigureService figures) {
        this.figures = figures;
    }

    @QueryMapping
    Connection<Connection.Edge<Figure>> figures(@Argument String subject, @Argument String region,
            @Argument List<String> metrics, @Argument String from, @Argument String to, @Argument Integer first,
            @Argument String after) {
        return figures.list(subject, region, metrics, Dates.argument("from", from), Dates.argument("to", to),
                PageRequest.of(first, after));
    }
}
