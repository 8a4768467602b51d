package org.partnernetz.graph;

import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.types.Node;
import org.partnernetz.graphql.SortKey;

/**
 * What a feature tells the shared code about its kind of object: its label (also its GraphQL type
 * name), the record that serves that type, how a node becomes that record, the order of its root
 * list and which property its {@code kinds} filter reads. Each feature declares one as a bean;
 * {@link Nodes} collects them, so no shared code has to know the features.
 *
 * @param label the node label and GraphQL type
 * @param type the record the API shows
 * @param mapper makes the record from a node of this label
 * @param order the order of the root list (the last key unique), over the node {@code n}
 * @param kindProperty the property the root list's kind filter compares, e.g. {@code kind} or {@code type}
 */
public record NodeType(Label label, Class<? extends GraphObject> type, Function<Node, ? extends GraphObject> mapper,
        List<SortKey> order, String kindProperty) {

    /** Alphabetically by folded name, then seed key. */
    public static final List<SortKey> ALPHABETICAL = List.of(SortKey.ascending("coalesce(n.sortName, '')"), SortKey.ascending("n.key"));

    /** Newest first by date (or the bound known), undated last, then by name and seed key. */
    public static final List<SortKey> NEWEST_FIRST = List.of(
            SortKey.descending("coalesce(n.start, n.end, date('0001-01-01'))"),
            SortKey.ascending("coalesce(n.sortName, '')"), SortKey.ascending("n.key"));

    public static NodeType of(Label label, Class<? extends GraphObject> type, Function<Node, ? extends GraphObject> mapper) {
        return new NodeType(label, type, mapper, ALPHABETICAL, "kind");
    }

    public NodeType withOrder(List<SortKey> order) {
        return new NodeType(label, type, mapper, order, kindProperty);
    }

    public NodeType withKindProperty(String property) {
        return new NodeType(label, type, mapper, order, property);
    }
}
