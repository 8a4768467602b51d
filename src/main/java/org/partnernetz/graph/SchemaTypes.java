package org.partnernetz.graph;

import java.util.Map;

/**
 * What a feature adds to the schema inspection at start ({@link SchemaInspection}): the Java type
 * behind each GraphQL object type it serves whose name the inspection cannot infer, e.g. one record
 * serving several types of an interface.
 */
public interface SchemaTypes {

    /** GraphQL type name to the Java type that serves it. */
    Map<String, Class<?>> classMappings();
}
