package org.partnernetz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** Every type, field and enum value of the schema the hub serves says what it means. */
@FullStackTest
class SchemaDocumentationTests {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyTypeFieldAndEnumValueHasADocString() {
        var undocumented = new ArrayList<String>();
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__") || type instanceof graphql.schema.GraphQLScalarType) {
                continue;
            }
            if (isBlank(type.getDescription())) {
                undocumented.add(type.getName());
            }
            if (type instanceof GraphQLFieldsContainer container) {
                container.getFieldDefinitions().stream().filter(field -> isBlank(field.getDescription()))
                        .forEach(field -> undocumented.add(type.getName() + "." + field.getName()));
            }
            if (type instanceof GraphQLEnumType enumType) {
                enumType.getValues().stream().filter(value -> isBlank(value.getDescription()))
                        .forEach(value -> undocumented.add(type.getName() + "." + value.getName()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
