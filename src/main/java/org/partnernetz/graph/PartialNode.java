package org.partnernetz.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.Node;

/**
 * Some properties of a node, read as a map projection instead of the whole node: what a page needs
 * when it shows an object only by its names ({@link Nodes#NAMES}). Neo4j reads a node's properties
 * one record after another, so a page of a few hundred objects that shows their names only reads a
 * fraction of what their whole nodes hold. A record mapped from it has null for the rest; it serves
 * the request that read it, never more.
 */
record PartialNode(List<String> labels, Map<String, Value> properties) implements Node {

    PartialNode {
        labels = List.copyOf(labels);
        properties = Map.copyOf(properties);
    }

    @Override
    public boolean hasLabel(String label) {
        return labels.contains(label);
    }

    /** Not a node's identity: a projection has none; {@link #get} with {@code key} names it. */
    @Override
    @Deprecated
    public long id() {
        throw new UnsupportedOperationException("a partial node has no id");
    }

    @Override
    public String elementId() {
        throw new UnsupportedOperationException("a partial node has no element id");
    }

    @Override
    public Iterable<String> keys() {
        return properties.keySet();
    }

    @Override
    public boolean containsKey(String key) {
        return properties.containsKey(key);
    }

    @Override
    public Value get(String key) {
        return properties.getOrDefault(key, Values.NULL);
    }

    @Override
    public int size() {
        return properties.size();
    }

    @Override
    public Iterable<Value> values() {
        return properties.values();
    }

    @Override
    public <T> Iterable<T> values(Function<Value, T> mapFunction) {
        return properties.values().stream().map(mapFunction).toList();
    }

    @Override
    public Map<String, Object> asMap() {
        return asMap(Value::asObject);
    }

    @Override
    public <T> Map<String, T> asMap(Function<Value, T> mapFunction) {
        var map = new java.util.HashMap<String, T>();
        properties.forEach((key, value) -> map.put(key, mapFunction.apply(value)));
        return map;
    }
}
