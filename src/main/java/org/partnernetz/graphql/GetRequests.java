package org.partnernetz.graphql;

import java.util.List;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.OperationDefinition;

/**
 * GraphQL over HTTP GET runs queries only: a mutation (or a subscription) sent by GET is refused
 * before it runs, classified {@link Refusal#METHOD_NOT_ALLOWED}, which the HTTP layer answers with
 * 405 and {@code Allow: POST}. The check sits where every document is resolved (sent in full or by
 * the hash of a persisted query), so a hash cannot smuggle a mutation into a GET.
 */
public final class GetRequests {

    /** The GraphQL context key that marks a request that came as HTTP GET. */
    public static final String CONTEXT_KEY = GetRequests.class.getName() + ".get";

    /** Why a GET was refused. */
    public enum Refusal implements ErrorClassification {
        METHOD_NOT_ALLOWED
    }

    private GetRequests() {
    }

    /** The document as resolved, or a refusal when the request came by GET and selects anything but a query. */
    public static PreparsedDocumentEntry queriesOnly(ExecutionInput input, PreparsedDocumentEntry entry) {
        if (entry.hasErrors() || !Boolean.TRUE.equals(input.getGraphQLContext().get(CONTEXT_KEY))) {
            return entry;
        }
        var name = input.getOperationName();
        List<OperationDefinition> operations = entry.getDocument().getDefinitionsOfType(OperationDefinition.class);
        var selected = operations.stream()
                .filter(operation -> name == null || name.isEmpty() ? operations.size() == 1 : name.equals(operation.getName()))
                .findFirst();
        if (selected.isEmpty() || selected.get().getOperation() == OperationDefinition.Operation.QUERY) {
            // No operation selected: graphql-java says why, as for a POST.
            return entry;
        }
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                .errorType(Refusal.METHOD_NOT_ALLOWED)
                .message("GET runs queries only; send a " + selected.get().getOperation().name().toLowerCase(java.util.Locale.ROOT)
                        + " with POST")
                .build());
    }
}
