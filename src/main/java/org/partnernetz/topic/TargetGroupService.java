package org.partnernetz.topic;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading target groups: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class TargetGroupService extends EntityService<TargetGroup> {

    TargetGroupService(EntityQueries entities) {
        super(entities, Label.TargetGroup, TargetGroup.class);
    }
}
