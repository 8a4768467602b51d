package org.partnernetz.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the schema the hub shows to its callers.
 *
 * @param introspection whether {@code __schema} and {@code __type} answer ({@code __typename} always
 *     does); off, they answer FORBIDDEN
 * @param fieldSuggestions whether the error for a field a type does not have names the type's fields
 *     that are spelled alike ("Did you mean ...?")
 */
@ConfigurationProperties("partnernetz.graphql")
public record ExposureProperties(
        @DefaultValue("true") boolean introspection,
        @DefaultValue("true") boolean fieldSuggestions) {
}
