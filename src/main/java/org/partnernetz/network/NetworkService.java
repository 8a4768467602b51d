package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graph.PartialDate;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network questions, who works where and with whom: the feature's transaction boundary.
 * Regions and organisations are named by slug, seed key or global id; one that names nothing is
 * NOT_FOUND.
 */
@Service
@Transactional(readOnly = true)
public class NetworkService {

    private final EntityQueries entities;
    private final NetworkQueries network;

    NetworkService(EntityQueries entities, NetworkQueries network) {
        this.entities = entities;
        this.network = network;
    }

    Connection<PartnerEdge> partners(String region, boolean includeSubregions, List<String> kinds, PageRequest page,
            int tiesFirst, boolean withTies) {
        var regionKey = entities.resolveKey(Label.Region, region, "region");
        return network.partners(regionKey, includeSubregions, kinds, page, tiesFirst, withTies);
    }

    Connection<Connection.Edge<Collaboration>> collaborations(String region, String organisation, PartialDate from,
            PartialDate to, PageRequest page, boolean countAll, int linksFirst, boolean withContexts) {
        var regionKey = region == null ? null : entities.resolveKey(Label.Region, region, "region");
        var organisationKey = organisation == null ? null
                : entities.resolveKey(Label.Organisation, organisation, "organisation");
        return network.collaborations(regionKey, organisationKey, from, to, page, countAll, linksFirst, withContexts);
    }
}
