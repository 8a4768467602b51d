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

    /**
     * The fields of an object that its names answer: with only these asked for, a page may read its
     * objects as {@link #NAMES_OF} projects them instead of whole.
     */
    public static final java.util.Set<String> NAMES = java.util.Set.of("__typename", "id", "key", "slug", "name",
            "shortName", "kind");

    /** Cypher: the names of node {@code %1$s} and its labels, a map that {@link #read} takes for a node. */
    public static final String NAMES_OF = "%1$s {.key, .slug, .name, .shortName, .kind, labels: labels(%1$s)}";

    /** Cypher for node {@code variable}: the node whole, or its names ({@link #NAMES_OF}) when {@code namesOnly}. */
    public static String shown(String variable, boolean namesOnly) {
        return namesOnly ? NAMES_OF.formatted(variable) : variable;
    }

    /**
     * Whether a request asks for nothing but {@link #NAMES} of the objects at {@code paths} (of its
     * selection set, e.g. {@code edges/node/organisationA}).
     */
    public static boolean namesOnly(graphql.schema.DataFetchingFieldSelectionSet selection, String... paths) {
        for (var path : paths) {
            for (var field : selection.getFields(path + "/*")) {
                if (!NAMES.contains(field.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A node read whole, or its names as {@link #NAMES_OF} projects them. */
    public static Node read(org.neo4j.driver.Value value) {
        if (value.hasType(org.neo4j.driver.types.TypeSystem.getDefault().NODE())) {
            return value.asNode();
        }
        var map = new java.util.HashMap<String, org.neo4j.driver.Value>();
        value.keys().forEach(key -> {
            if (!key.equals("labels") && !value.get(key).isNull()) {
                map.put(key, value.get(key));
            }
        });
        return new PartialNode(value.get("labels").asList(org.neo4j.driver.Value::asString), map);
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
