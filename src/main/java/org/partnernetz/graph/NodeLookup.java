package org.partnernetz.graph;

import java.util.Optional;

import graphql.GraphQLContext;

/**
 * What a feature adds to {@code node(id:)} for objects that are not entries of the network (items of
 * content, say): the ids it answers for, by the part before the colon, and how it finds one. The
 * object it returns names its GraphQL type through {@link Typed}.
 */
public interface NodeLookup {

    /** The first part of the global ids this lookup answers for, e.g. {@code Content}. */
    String prefix();

    /** The object with this global id as the public sees it; empty when there is none. */
    Optional<? extends Typed> find(String id, GraphQLContext context);

    /** An object that names its own GraphQL type (one Java type serving several GraphQL types). */
    interface Typed {

        /** Its GraphQL object type's name. */
        String typeName();
    }
}
