package org.partnernetz.event;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading events: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class EventService extends EntityService<Event> {

    EventService(EntityQueries entities) {
        super(entities, Label.Event, Event.class);
    }
}
