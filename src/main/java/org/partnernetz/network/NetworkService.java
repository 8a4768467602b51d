package org.partnernetz.network;

import java.util.List;

import org.partnernetz.graph.PartialDate;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network questions, who works where and with whom: the feature's transaction boundary.
 * Regions and organisations are named by slug, seed key or global id, resolved by each page's own
 * query; one that names nothing is NOT_FOUND.
 */
@Service
@Transactional(readOnly = true)
public class NetworkService {

    private final NetworkQueries network;

    NetworkService(NetworkQueries network) {
        this.network = network;
    }

    NetworkQueries.Read<Connection<PartnerEdge>> partners(String region, boolean includeSubregions, List<String> kinds,
            PageRequest page, int tiesFirst, boolean withTies, boolean withSources, boolean namesOnly) {
        return network.partners(region, includeSubregions, kinds, page, tiesFirst, withTies, withSources, namesOnly);
    }

    NetworkQueries.Read<Connection<Connection.Edge<Collaboration>>> collaborations(String region, String organisation,
            PartialDate from, PartialDate to, PageRequest page, boolean countAll, int linksFirst, boolean withContexts,
            boolean withSources, boolean namesOnly) {
        return network.collaborations(region, organisation, from, to, page, countAll, linksFirst, withContexts,
                withSources, namesOnly);
    }

    /**
     * For each set of organisations (seed keys), the collaborating pairs among them, strongest
     * first, at most {@code first} each: what an article that mentions them can show beside it.
     */
    public List<List<Collaboration>> among(List<List<String>> organisationSets, int first) {
        return network.among(organisationSets, first);
    }
}
