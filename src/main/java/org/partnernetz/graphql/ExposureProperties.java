package org.partnernetz.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the schema the hub shows to callers who are not admins.
 *
 * @param introspection whether {@code __schema} and {@code __type} answer ({@code __typename} always
 *     does); off, they answer FORBIDDEN, except to admins
 * @param fieldSuggestions whether the error for a field a type does not have names the type's fields
 *     that are spelled alike ("Did you mean ...?"), except to admins, who always get them
 */
@ConfigurationProperties("partnernetz.graphql")
public record ExposureProperties(
        @DefaultValue("true") boolean introspection,
        @DefaultValue("true") boolean fieldSuggestions) {
}
