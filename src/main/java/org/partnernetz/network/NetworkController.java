package org.partnernetz.network;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import org.partnernetz.account.Caller;
import org.partnernetz.graph.Nodes;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.Dates;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.relationship.Relationship;
import org.partnernetz.source.KnownSources;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code partners} and {@code collaborations}: who works where, and with whom. */
@Controller
class NetworkController {

    private final NetworkService network;
    private final RelationshipEditing editing;

    NetworkController(NetworkService network, RelationshipEditing editing) {
        this.network = network;
        this.editing = editing;
    }

    record AddRelationshipPayload(String id, Relationship relationship) {
    }

    record RemoveRelationshipInput(String id, Integer version, String comment) {
    }

    record RemoveRelationshipPayload(String id) {
    }

    @MutationMapping
    AddRelationshipPayload addRelationship(@Argument RelationshipEditing.Add input, @AuthenticationPrincipal Caller caller) {
        var stated = editing.add(input, caller);
        return new AddRelationshipPayload(stated.id(), stated.relationship());
    }

    record UpdateRelationshipPayload(String id, Relationship relationship) {
    }

    @MutationMapping
    UpdateRelationshipPayload updateRelationship(@Argument java.util.Map<String, Object> input,
            @AuthenticationPrincipal Caller caller) {
        var stated = editing.update(input, caller);
        return new UpdateRelationshipPayload(stated.id(), stated.relationship());
    }

    @MutationMapping
    RemoveRelationshipPayload removeRelationship(@Argument RemoveRelationshipInput input,
            @AuthenticationPrincipal Caller caller) {
        return new RemoveRelationshipPayload(editing.remove(input.id(), input.version(), input.comment(), caller));
    }

    @QueryMapping
    Connection<PartnerEdge> partners(@Argument String region, @Argument Boolean includeSubregions,
            @Argument List<String> kinds, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment environment) {
        boolean subregions = includeSubregions == null || includeSubregions;
        var selection = environment.getSelectionSet();
        var read = network.partners(region, subregions, kinds, PageRequest.of(first, after),
                PageRequest.nested(selection, "edges/ties"),
                selection.contains("edges/ties") || selection.contains("edges/tieCount"),
                selection.contains("edges/ties/relationship/sources"),
                Nodes.namesOnly(selection, "edges/node", "edges/ties/region", "edges/ties/through"));
        KnownSources.prime(environment, read.sources());
        return read.answer();
    }

    @QueryMapping
    Connection<Connection.Edge<Collaboration>> collaborations(@Argument String region, @Argument String organisation,
            @Argument String from, @Argument String to, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment environment) {
        var selection = environment.getSelectionSet();
        var read = network.collaborations(region, organisation, Dates.argument("from", from), Dates.argument("to", to),
                PageRequest.of(first, after), selection.contains("totalCount"),
                PageRequest.nested(selection, "edges/node/links"), selection.contains("edges/node/links/through"),
                selection.contains("edges/node/links/sources"),
                Nodes.namesOnly(selection, "edges/node/organisationA", "edges/node/organisationB", "edges/node/links/through"));
        KnownSources.prime(environment, read.sources());
        return read.answer();
    }
}
