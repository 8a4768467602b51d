package org.partnernetz.organisation;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.partnernetz.account.Caller;
import org.dataloader.DataLoader;
import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.partnernetz.history.Revision;
import org.partnernetz.history.Revisions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code organisation} and {@code organisations}: bodies of the network, by id, slug or name. */
@Controller
class OrganisationController {

    private final OrganisationService service;
    private final OrganisationEditing editing;

    OrganisationController(OrganisationService service, OrganisationEditing editing) {
        this.service = service;
        this.editing = editing;
    }

    record UpdateOrganisationPayload(Organisation organisation) {
    }

    @MutationMapping
    UpdateOrganisationPayload updateOrganisation(@Argument OrganisationEditing.Update input,
            @AuthenticationPrincipal Caller caller) {
        return new UpdateOrganisationPayload(editing.update(input, caller));
    }

    /** An organisation's changes, newest first, through the request's data loader (one query for a page of organisations). */
    @SchemaMapping(typeName = "Organisation")
    CompletableFuture<Connection<Connection.Edge<Revision>>> revisions(Organisation organisation,
            @Argument Integer first, @Argument String after,
            DataLoader<Revisions.Page, Connection<Connection.Edge<Revision>>> revisions) {
        return revisions.load(new Revisions.Page(organisation.key(), PageRequest.of(first, after)));
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
