package org.partnernetz.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether an answer may be given again to other clients without credentials: the answer to a query
 * (never a mutation or subscription) that no data fetcher marked private. A data fetcher marks its
 * answer private when what it shows depends on more than the graph and the request's text, headers
 * aside: a draft shown for a preview token, which may expire before the graph changes. The HTTP
 * caches (ETags, the answer cache of package {@code http}) ask {@link #shareable} after a request ran.
 */
@Configuration(proxyBeanMethods = false)
public class Answers {

    private static final String QUERY = Answers.class.getName() + ".query";
    private static final String PRIVATE = Answers.class.getName() + ".private";

    /** Marks the answer of this request private: no cache keeps it for other clients. */
    public static void markPrivate(GraphQLContext context) {
        context.put(PRIVATE, true);
    }

    /** Whether the request that ran with this context was a query and nothing marked its answer private. */
    public static boolean shareable(GraphQLContext context) {
        return context.getBoolean(QUERY) && !context.getBoolean(PRIVATE);
    }

    @Bean
    Instrumentation queriesMarked() {
        return new Instrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                var context = parameters.getExecutionContext();
                if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY) {
                    context.getGraphQLContext().put(QUERY, true);
                }
                return SimpleInstrumentationContext.noOp();
            }
        };
    }
}
