package org.partnernetz.person;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading people: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class PersonService extends EntityService<Person> {

    PersonService(EntityQueries entities) {
        super(entities, Label.Person, Person.class);
    }
}
