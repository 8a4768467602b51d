package org.partnernetz.organisation;

import java.util.List;

import org.partnernetz.account.Caller;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code organisation} and {@code organisations}: bodies of the network, by id, slug or name. */
@Controller
class OrganisationController {

    private final OrganisationService service;
    private final OrganisationEditing editing;
    private final Revisions revisions;

    OrganisationController(OrganisationService service, OrganisationEditing editing, Revisions revisions) {
        this.service = service;
        this.editing = editing;
        this.revisions = revisions;
    }

    record UpdateOrganisationPayload(Organisation organisation) {
    }

    @MutationMapping
    UpdateOrganisationPayload updateOrganisation(@Argument OrganisationEditing.Update input,
            Authentication authentication) {
        var caller = authentication != null && authentication.getPrincipal() instanceof Caller known ? known : null;
        return new UpdateOrganisationPayload(editing.update(input, caller));
    }

    /** An organisation's changes, newest first (one query per organisation: editors read one at a time). */
    @SchemaMapping(typeName = "Organisation")
    Connection<Connection.Edge<Revision>> revisions(Organisation organisation, @Argument Integer first,
            @Argument String after) {
        return revisions.of(organisation.key(), PageRequest.of(first == null ? 10 : first, after));
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
