package org.partnernetz.region;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code region} and {@code regions}: regions, from the country down to venues. */
@Controller
class RegionController {

    private final RegionService service;

    RegionController(RegionService service) {
        this.service = service;
    }

    @QueryMapping
    Region region(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Region>> regions(@Argument String name, @Argument List<String> types,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(name, types, null, null), PageRequest.of(first, after));
    }
}
