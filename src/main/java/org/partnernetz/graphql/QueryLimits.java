package org.partnernetz.graphql;

import java.util.List;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

/**
 * Refuses queries that are too deep or too large before they run, and answers requests that take
 * too long with an error. Refusals are BAD_REQUEST errors that say which limit was hit.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return unlessIntrospection(parameters, () -> super.beginExecuteOperation(parameters, state));
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal("The query is nested " + depth + " levels deep; at most " + maxDepth
                        + " are allowed. Split it into several queries.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimitsProperties limits) {
        FieldComplexityCalculator perPage = (env, childComplexity) -> {
            var first = env.getArguments().get("first");
            var multiplier = first instanceof Integer n ? Math.max(1, n) : 1;
            return 1 + childComplexity * multiplier;
        };
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), perPage) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return unlessIntrospection(parameters, () -> super.beginExecuteOperation(parameters, state));
            }

            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refusal("The query may ask for about " + complexity + " objects; at most " + maxComplexity
                        + " are allowed. Ask for smaller pages (first) or fewer nested lists.");
            }
        };
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(QueryLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }

    /**
     * Schema queries (only {@code __schema}/{@code __type} at the top, as GraphiQL sends on load) are
     * nested deeper than any data query needs; graphql-java's own good-faith introspection checks
     * bound them instead.
     */
    private static InstrumentationContext<ExecutionResult> unlessIntrospection(
            InstrumentationExecuteOperationParameters parameters, Supplier<InstrumentationContext<ExecutionResult>> check) {
        var selections = parameters.getExecutionContext().getOperationDefinition().getSelectionSet().getSelections();
        var introspection = !selections.isEmpty() && selections.stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
        return introspection ? SimpleInstrumentationContext.noOp() : check.get();
    }

    private static AbortExecutionException refusal(String message) {
        return new AbortExecutionException(List.of(
                GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build()));
    }
}
