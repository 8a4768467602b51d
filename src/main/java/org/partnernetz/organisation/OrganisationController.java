package org.partnernetz.organisation;

import java.util.List;
import java.util.Map;

import org.partnernetz.account.Caller;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.editing.EntityEditing;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code organisation} and {@code organisations}: bodies of the network, by id, slug or name. */
@Controller
class OrganisationController {

    private final OrganisationService service;
    private final EntityEditing editing;

    OrganisationController(OrganisationService service, EntityEditing editing) {
        this.service = service;
        this.editing = editing;
    }

    record CreateOrganisationPayload(Organisation organisation) {
    }

    record UpdateOrganisationPayload(Organisation organisation) {
    }

    @MutationMapping
    CreateOrganisationPayload createOrganisation(@Argument Map<String, Object> input,
            @AuthenticationPrincipal Caller caller) {
        return new CreateOrganisationPayload((Organisation) editing.create(Label.Organisation, input, caller));
    }

    @MutationMapping
    UpdateOrganisationPayload updateOrganisation(@Argument Map<String, Object> input,
            @AuthenticationPrincipal Caller caller) {
        return new UpdateOrganisationPayload((Organisation) editing.update(Label.Organisation,
                (String) input.get("organisation"), input, caller));
    }

    @QueryMapping
    Organisation organisation(@Argument String id, @Argument String slug) {
        return service.find(id, slug).orElse(null);
    }

    @QueryMapping
    Connection<Connection.Edge<Organisation>> organisations(@Argument String name, @Argument List<String> kinds,
            @Argument Integer first, @Argument String after) {
        return service.list(new EntityQueries.Filter(name, kinds, null, null), PageRequest.of(first, after));
    }
}
