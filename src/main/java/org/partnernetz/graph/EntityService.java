package org.partnernetz.graph;

import java.util.Optional;

import org.partnernetz.graphql.Connection;
import org.partnernetz.graphql.PageRequest;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every feature's service offers for its kind of object: one by id or slug, and a filtered
 * page. A feature's service extends it, so that its transactions (and, once there are edits, its
 * access checks) have one home per feature.
 */
@Transactional(readOnly = true)
public abstract class EntityService<T extends GraphObject> {

    private final EntityQueries entities;
    private final Label label;
    private final Class<T> type;

    protected EntityService(EntityQueries entities, Label label, Class<T> type) {
        this.entities = entities;
        this.label = label;
        this.type = type;
    }

    /** The one named by global id, seed key or slug (exactly one of them). */
    public Optional<T> find(String id, String slug) {
        return entities.findOne(label, id, slug, type);
    }

    /** A page of those that match {@code filter}, in their list's order. */
    public Connection<Connection.Edge<T>> list(EntityQueries.Filter filter, PageRequest page) {
        return entities.list(label, filter, page, type);
    }
}
