package org.partnernetz.graphql;

import java.util.HashSet;
import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

/**
 * Refuses queries that are too large before they run, and answers requests that take too long with
 * an error. Refusals are BAD_REQUEST errors that say which limit was hit.
 *
 * <p>The limits measure what a query will really ask for, so that natural questions pass and abuse
 * does not. The query is first expanded into its fields (fragments resolved, every alias counted);
 * more than {@code maxFields} of them, or more than {@code maxRootFields} at the top (each of which
 * runs its own database query), are refused at once. Depth counts the levels of objects, not the
 * {@code edges { node { ... } } } wrappers of a connection nor scalar fields. The cost estimates the
 * number of objects returned: a connection counts one for itself plus its page size ({@code first},
 * or the default the schema gives) times what each item asks for, a plain list of objects
 * {@code listEstimate} times (the sources of one fact, a short list, {@link #SHORT_LIST} times), and a
 * single object one; scalar fields are free. The cost of an operation that passes is told to the
 * request's {@link QueryCostListener}, if it has one (the cost budget per minute).
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** What a plain list of source documents (the sources of one relationship or link) counts. */
    static final int SHORT_LIST = 3;

    @Bean
    Instrumentation queryBudget(QueryLimitsProperties limits) {
        return new Instrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                var context = parameters.getExecutionContext();
                if (isIntrospection(context.getOperationDefinition())) {
                    return SimpleInstrumentationContext.noOp();
                }
                var schema = context.getGraphQLSchema();
                // Fragments that spread others several times multiply: count what they expand to,
                // each fragment once, before anything expands them for real.
                long expanded = new FieldCount(context.getFragmentsByName())
                        .of(context.getOperationDefinition().getSelectionSet());
                if (expanded > limits.maxFields()) {
                    throw refusal("The query asks for more than " + limits.maxFields()
                            + " fields (aliases and fragments counted). Split it into several queries.");
                }
                // Nesting cannot exceed the number of fields, so only the field count can abort here.
                var options = ExecutableNormalizedOperationFactory.Options.defaultOptions()
                        .maxFieldsCount(limits.maxFields())
                        .maxChildrenDepth(limits.maxFields() + 1);
                List<ExecutableNormalizedField> roots;
                try {
                    roots = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema,
                            context.getOperationDefinition(), context.getFragmentsByName(),
                            context.getCoercedVariables(), options).getTopLevelFields();
                } catch (AbortExecutionException e) {
                    throw refusal("The query asks for more than " + limits.maxFields()
                            + " fields (aliases and fragments counted). Split it into several queries.");
                }
                if (roots.size() > limits.maxRootFields()) {
                    throw refusal("The query has " + roots.size() + " fields at the top (aliases counted); at most "
                            + limits.maxRootFields() + " are allowed. Split it into several queries.");
                }
                var measure = new Measure(schema, limits.listEstimate());
                int depth = roots.stream().mapToInt(measure::depth).max().orElse(0);
                if (depth > limits.maxDepth()) {
                    throw refusal("The query is nested " + depth + " levels deep; at most " + limits.maxDepth()
                            + " are allowed (scalar fields and a connection's edges and nodes do not count). Split it into several queries.");
                }
                long cost = measure.cost(roots);
                if (cost > limits.maxComplexity()) {
                    throw refusal("The query may ask for about " + cost + " objects; at most " + limits.maxComplexity()
                            + " are allowed. Ask for smaller pages (first) or fewer nested lists.");
                }
                if (context.getGraphQLContext().get(QueryCostListener.CONTEXT_KEY) instanceof QueryCostListener listener) {
                    listener.charge(cost);
                }
                return SimpleInstrumentationContext.noOp();
            }
        };
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(QueryLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }

    /**
     * How many fields a selection set selects once its fragments are spread, computed on the
     * document with each fragment counted once (so a fragment spreading another twice, nested
     * twenty times, is counted in twenty steps, not a million). Stops growing at {@code Long.MAX_VALUE}.
     */
    static final class FieldCount {

        private final java.util.Map<String, graphql.language.FragmentDefinition> fragments;
        private final java.util.Map<String, Long> counted = new java.util.HashMap<>();

        FieldCount(java.util.Map<String, graphql.language.FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        long of(graphql.language.SelectionSet selections) {
            if (selections == null) {
                return 0;
            }
            long count = 0;
            for (var selection : selections.getSelections()) {
                count = Measure.add(count, switch (selection) {
                    case Field field -> Measure.add(1, of(field.getSelectionSet()));
                    case graphql.language.InlineFragment inline -> of(inline.getSelectionSet());
                    case graphql.language.FragmentSpread spread -> ofFragment(spread.getName());
                    default -> 0L;
                });
            }
            return count;
        }

        private long ofFragment(String name) {
            var known = counted.get(name);
            if (known != null) {
                return known;
            }
            var fragment = fragments.get(name);
            counted.put(name, 0L); // validation has refused cycles; this only guards the recursion
            long count = fragment == null ? 0 : of(fragment.getSelectionSet());
            counted.put(name, count);
            return count;
        }
    }

    /** Depth and cost of normalized fields, by the rules in the class comment. */
    record Measure(GraphQLSchema schema, int listEstimate) {

        int depth(ExecutableNormalizedField field) {
            if (!isObject(field)) {
                return 0;
            }
            int below = field.getChildren().stream().mapToInt(this::depth).max().orElse(0);
            return below + (isWrapper(field) ? 0 : 1);
        }

        long cost(List<ExecutableNormalizedField> fields) {
            // Fields under a fragment apply to one concrete type each; the costliest type counts.
            var types = new HashSet<String>();
            fields.forEach(field -> types.addAll(field.getObjectTypeNames()));
            long most = 0;
            for (var type : types) {
                long sum = fields.stream().filter(field -> field.getObjectTypeNames().contains(type))
                        .mapToLong(this::cost).reduce(0, Measure::add);
                most = Math.max(most, sum);
            }
            return most;
        }

        long cost(ExecutableNormalizedField field) {
            if (!isObject(field)) {
                return 0;
            }
            var type = field.getType(schema);
            long each = cost(field.getChildren());
            if (isWrapper(field)) {
                return each;
            }
            if (isConnection(GraphQLTypeUtil.unwrapAll(type))) {
                return add(1, multiply(pageSize(field), add(1, each)));
            }
            if (!(GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList)) {
                return add(1, each);
            }
            boolean sources = GraphQLTypeUtil.unwrapAll(type).getName().equals("Source");
            return multiply(sources ? SHORT_LIST : listEstimate, add(1, each));
        }

        private boolean isObject(ExecutableNormalizedField field) {
            return GraphQLTypeUtil.unwrapAll(field.getType(schema)) instanceof graphql.schema.GraphQLCompositeType;
        }

        /** Sums and products that stop at {@code Long.MAX_VALUE} instead of wrapping round. */
        static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private static long multiply(long a, long b) {
            return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
        }

        /** {@code edges} and {@code node} inside a connection, which add no level of their own. */
        private boolean isWrapper(ExecutableNormalizedField field) {
            var name = field.getFieldName();
            if (!name.equals("edges") && !name.equals("node")) {
                return false;
            }
            return field.getObjectTypeNames().stream()
                    .map(schema::getType)
                    .allMatch(parent -> parent instanceof GraphQLObjectType object
                            && (object.getName().endsWith("Connection") || object.getName().endsWith("Edge")));
        }

        private static boolean isConnection(GraphQLNamedType type) {
            return type.getName().endsWith("Connection");
        }

        private long pageSize(ExecutableNormalizedField field) {
            if (field.getResolvedArguments().get("first") instanceof Integer first) {
                return Math.max(1, first);
            }
            var definition = field.getFieldDefinitions(schema).getFirst().getArgument("first");
            if (definition != null && definition.hasSetDefaultValue()
                    && definition.getArgumentDefaultValue().getValue() instanceof graphql.language.IntValue value) {
                return Math.max(1, value.getValue().intValue());
            }
            return PageRequest.MAX_FIRST;
        }
    }

    /**
     * Schema queries (only {@code __schema}/{@code __type} at the top, as GraphiQL sends on load) are
     * nested deeper than any data query needs; graphql-java's own good-faith introspection checks
     * bound them instead.
     */
    private static boolean isIntrospection(graphql.language.OperationDefinition operation) {
        var selections = operation.getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
    }

    private static AbortExecutionException refusal(String message) {
        return new AbortExecutionException(List.of(
                GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build()));
    }
}
