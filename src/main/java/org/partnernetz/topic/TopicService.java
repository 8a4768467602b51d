package org.partnernetz.topic;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading topics: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class TopicService extends EntityService<Topic> {

    TopicService(EntityQueries entities) {
        super(entities, Label.Topic, Topic.class);
    }
}
