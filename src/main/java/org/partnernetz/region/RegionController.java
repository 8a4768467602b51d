package org.partnernetz.region;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code region} and {@code regions}: regions, from the country down to venues. */
@Controller
class RegionController {

    private final EntityQueries entities;

    RegionController(EntityQueries entities) {
        this.entities = entities;
    }

    @QueryMapping
    Region region(@Argument String id, @Argument String slug) {
        return entities.findOne(Label.Region, id, slug, Region.class).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Region>> regions(@Argument String name, @Argument List<String> types, @Argument Integer first, @Argument String after) {
        return entities.list(Label.Region, new EntityQueries.Filter(name, types, null, null), PageRequest.of(first, after), Region.class);
    }
}
