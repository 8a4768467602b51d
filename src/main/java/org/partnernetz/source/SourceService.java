package org.partnernetz.source;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading source documents: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class SourceService extends EntityService<Source> {

    SourceService(EntityQueries entities) {
        super(entities, Label.Source, Source.class);
    }
}
