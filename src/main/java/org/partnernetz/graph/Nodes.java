package org.partnernetz.graph;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Component;

/**
 * Maps a Neo4j node of any label to the record the API shows for it, from the {@link NodeType}s the
 * features declare. The record's class name is its GraphQL type, which is how fields typed
 * {@code Node} resolve their concrete type.
 */
@Component
public class Nodes {

    private final Map<Label, NodeType> types = new EnumMap<>(Label.class);

    Nodes(List<NodeType> declared) {
        declared.forEach(type -> {
            if (types.put(type.label(), type) != null) {
                throw new IllegalStateException("Two node types declared for " + type.label());
            }
        });
        for (var label : Label.values()) {
            if (!types.containsKey(label)) {
                throw new IllegalStateException("No feature declares the node type " + label);
            }
        }
    }

    public GraphObject toObject(Node node) {
        return types.get(labelOf(node)).mapper().apply(node);
    }

    /** What the feature of {@code label} declared. */
    public NodeType type(Label label) {
        return types.get(label);
    }

    /** Every declared type. */
    public List<NodeType> all() {
        return List.copyOf(types.values());
    }

    public static Label labelOf(Node node) {
        for (var label : node.labels()) {
            if (!Label.ENTITY.equals(label)) {
                return Label.valueOf(label);
            }
        }
        throw new IllegalStateException("Node without a known label: " + node.labels());
    }
}
