package org.partnernetz.network;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code partners} and {@code collaborations}: who works where, and with whom. */
@Controller
class NetworkController {

    private final NetworkService network;

    NetworkController(NetworkService network) {
        this.network = network;
    }

    @QueryMapping
    Connection<PartnerEdge> partners(@Argument String region, @Argument Boolean includeSubregions,
            @Argument List<String> kinds, @Argument Integer first, @Argument String after) {
        boolean subregions = includeSubregions == null || includeSubregions;
        return network.partners(region, subregions, kinds, PageRequest.of(first, after));
    }

    @QueryMapping
    Connection<Connection.Edge<Collaboration>> collaborations(@Argument String region, @Argument String organisation,
            @Argument String from, @Argument String to, @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection) {
        return network.collaborations(region, organisation, Dates.argument("from", from), Dates.argument("to", to),
                PageRequest.of(first, after), selection.contains("totalCount"),
                selection.contains("edges/node/links"), selection.contains("edges/node/links/through"));
    }
}
