package org.partnernetz.region;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading regions: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class RegionService extends EntityService<Region> {

    RegionService(EntityQueries entities) {
        super(entities, Label.Region, Region.class);
    }
}
