package org.partnernetz.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionDisabledError;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Introspection and field suggestions, each switchable off ({@link ExposureProperties}) for a hub
 * that should not show its schema to whoever asks (for everyone: the schema file is the
 * operators' reference). graphql-java refuses introspection per request when the GraphQL context
 * says so ({@link Introspection#INTROSPECTION_DISABLED}), which keeps the setting to this hub's
 * requests rather than switching introspection off for the whole JVM; its refusal
 * is classified FORBIDDEN here like other refusals of the hub. graphql-java's validation never
 * suggests field names (graphql-js does: "Did you mean ...?"); the hub adds them to the error for an
 * undefined field, the spellings nearest by edit distance among the type's fields, unless they are
 * off.
 */
@Component
class SchemaExposure implements WebGraphQlInterceptor {

    /** The names in the error for an undefined field, in the English and German messages alike: field, then type. */
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("'([_A-Za-z][_0-9A-Za-z]*)'[^']*'([_A-Za-z][_0-9A-Za-z]*)'");

    private static final int MAX_SUGGESTIONS = 5;

    private final ExposureProperties properties;
    private final ObjectProvider<GraphQlSource> source;

    SchemaExposure(ExposureProperties properties, ObjectProvider<GraphQlSource> source) {
        this.properties = properties;
        this.source = source;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!properties.introspection()) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
        }
        boolean suggest = properties.fieldSuggestions();
        return chain.next(request).map(response -> {
            var errors = response.getErrors().isEmpty() ? List.<GraphQLError>of() : response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(error -> error instanceof IntrospectionDisabledError
                    || suggest && undefinedField(error))) {
                return response;
            }
            var changed = new ArrayList<GraphQLError>();
            for (var error : errors) {
                changed.add(error instanceof IntrospectionDisabledError ? forbidden(error)
                        : suggest && undefinedField(error) ? withSuggestions(error) : error);
            }
            return response.transform(builder -> builder.errors(changed));
        });
    }

    private static boolean undefinedField(GraphQLError error) {
        return error instanceof ValidationError validation
                && validation.getValidationErrorType() == ValidationErrorType.FieldUndefined;
    }

    private static GraphQLError forbidden(GraphQLError error) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.FORBIDDEN)
                .message("Introspection is switched off on this hub").locations(error.getLocations()).build();
    }

    /** The error with the type's fields that are spelled most like the one asked for, if any come near. */
    private GraphQLError withSuggestions(GraphQLError error) {
        var names = UNDEFINED_FIELD.matcher(error.getMessage());
        if (!names.find() || !(source.getObject().schema().getType(names.group(2)) instanceof GraphQLFieldsContainer type)) {
            return error;
        }
        var asked = names.group(1);
        // As graphql-js: names within about 40 % of the asked name's length, or differing only in case.
        int threshold = asked.length() * 2 / 5 + 1;
        var distance = LevenshteinDistance.getDefaultInstance();
        record Near(String name, int distance) {
        }
        var near = type.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName)
                .map(name -> new Near(name, name.equalsIgnoreCase(asked) ? 0 : distance.apply(asked, name)))
                .filter(candidate -> candidate.distance() <= threshold)
                .sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::name))
                .limit(MAX_SUGGESTIONS).map(candidate -> "'" + candidate.name() + "'").toList();
        if (near.isEmpty()) {
            return error;
        }
        var suggestion = near.size() == 1 ? near.getFirst()
                : String.join(", ", near.subList(0, near.size() - 1)) + " or " + near.getLast();
        var suggested = GraphqlErrorBuilder.newError().errorType(error.getErrorType())
                .message(error.getMessage() + ". Did you mean " + suggestion + "?").locations(error.getLocations());
        if (error.getPath() != null) {
            suggested.path(error.getPath());
        }
        if (error.getExtensions() != null) {
            suggested.extensions(error.getExtensions());
        }
        return suggested.build();
    }
}
