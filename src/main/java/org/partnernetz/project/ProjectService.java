package org.partnernetz.project;

import java.util.Optional;

import org.partnernetz.graph.EntityQueries;
import org.partnernetz.graph.Label;
import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading projects: the feature's service, where its transactions begin (and, once there are
 * edits, where access is checked).
 */
@Service
@Transactional(readOnly = true)
public class ProjectService {

    private final EntityQueries entities;

    ProjectService(EntityQueries entities) {
        this.entities = entities;
    }

    /** The one named by global id, seed key or slug (exactly one of them). */
    public Optional<Project> find(String id, String slug) {
        return entities.findOne(Label.Project, id, slug, Project.class);
    }

    /** A page of those that match {@code filter}, in their list's order. */
    public Connection<Connection.Edge<Project>> list(EntityQueries.Filter filter, PageRequest page) {
        return entities.list(Label.Project, filter, page, Project.class);
    }
}
