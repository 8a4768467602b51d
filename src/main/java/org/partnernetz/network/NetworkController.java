package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code partners} and {@code collaborations}: who works where, and with whom. */
@Controller
class NetworkController {

    private final EntityQueries entities;
    private final NetworkQueries network;

    NetworkController(EntityQueries entities, NetworkQueries network) {
        this.entities = entities;
        this.network = network;
    }

    @QueryMapping
    Connection<Partner> partners(@Argument String region, @Argument Boolean includeSubregions,
            @Argument List<String> kinds, @Argument Integer first, @Argument String after) {
        var page = PageRequest.of(first, after);
        var regionKey = entities.resolveKey(Label.Region, region, "region");
        return network.partners(regionKey, includeSubregions == null || includeSubregions, kinds, page);
    }

    @QueryMapping
    Connection<Connection.Edge<Collaboration>> collaborations(@Argument String region, @Argument String organisation,
            @Argument String from, @Argument String to, @Argument Integer first, @Argument String after) {
        var page = PageRequest.of(first, after);
        var fromDate = Dates.argument("from", from);
        var toDate = Dates.argument("to", to);
        var regionKey = region == null ? null : entities.resolveKey(Label.Region, region, "region");
        var organisationKey = organisation == null ? null
                : entities.resolveKey(Label.Organisation, organisation, "organisation");
        return network.collaborations(regionKey, organisationKey, fromDate, toDate, page);
    }
}
