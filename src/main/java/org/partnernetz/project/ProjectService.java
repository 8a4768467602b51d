package org.partnernetz.project;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.EntityService;
import org.partnernetz.graph.Label;
import org.springframework.stereotype.Service;

/**
 * Reading projects: the feature's service, where its transactions begin (and, once there are edits,
 * its access checks).
 */
@Service
public class ProjectService extends EntityService<Project> {

    ProjectService(EntityQueries entities) {
        super(entities, Label.Project, Project.class);
    }
}
