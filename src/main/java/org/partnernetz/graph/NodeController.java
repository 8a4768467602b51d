package org.partnernetz.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)}: any object by its global id, so clients can cache and refetch it: an entry of
 * the network, or what a feature's {@link NodeLookup} finds for its prefix. A {@code Node} is typed
 * by its Java class, or by {@link NodeLookup.Typed#typeName} where one class serves several types.
 */
@Controller
class NodeController implements RuntimeWiringConfigurer {

    private final EntityQueries entities;
    private final Map<String, NodeLookup> lookups;

    NodeController(EntityQueries entities, List<NodeLookup> lookups) {
        this.entities = entities;
        this.lookups = lookups.stream().collect(Collectors.toUnmodifiableMap(NodeLookup::prefix, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id, GraphQLContext context) {
        var colon = id.indexOf(':');
        var lookup = colon < 0 ? null : lookups.get(id.substring(0, colon));
        if (lookup != null) {
            return lookup.find(id, context).orElse(null);
        }
        return entities.byGlobalId(id).orElse(null);
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        var byClass = new ClassNameTypeResolver();
        wiring.type("Node", type -> type.typeResolver(env -> env.getObject() instanceof NodeLookup.Typed typed
                ? env.getSchema().getObjectType(typed.typeName()) : byClass.getType(env)));
    }
}
