package org.partnernetz.editing;

import java.util.Collection;
import java.util.Set;

import org.partnernetz.graph.Label;

/**
 * What a feature derives from entities (the network's partner membership and collaborations) and
 * keeps in step with their changes. The editing service calls every such bean inside the change's
 * transaction, so a change and what it feeds commit together; it knows nothing of what they derive.
 */
public interface EntryChanges {

    /** These entities' fields changed ({@code fields} as the seed names them). */
    void fieldsChanged(Label kind, String key, Set<String> fields);

    /**
     * These entities appeared in or left the public graph, or took over others' ties (archive,
     * restore, merge): re-derive whatever depends on them as they stand now.
     */
    void tiesChanged(Collection<String> keys);
}
