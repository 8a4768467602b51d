package org.partnernetz.organisation;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading organisations: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class OrganisationService extends EntityService<Organisation> {

    OrganisationService(EntityQueries entities) {
        super(entities, Label.Organisation, Organisation.class);
    }
}
