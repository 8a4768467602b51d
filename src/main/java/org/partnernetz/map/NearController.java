package org.partnernetz.map;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code near(...)}: what lies around a point on the map. */
@Controller
class NearController {

    private final NearbyQueries queries;

    NearController(NearbyQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    List<Nearby> near(@Argument double latitude, @Argument double longitude, @Argument double radiusKm,
            @Argument List<String> kinds, @Argument Integer first) {
        return queries.near(latitude, longitude, radiusKm, kinds, first);
    }
}
