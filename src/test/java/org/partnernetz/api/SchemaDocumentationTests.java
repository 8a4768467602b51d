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

    /**
     * A client paging through a list, or showing it, needs to know its order; every list and
     * connection field says it in words such as "alphabetically", "newest first", "by title".
     * The {@code edges} of a connection follow the connection's order.
     */
    @Test
    void everyListStatesItsOrder() {
        var silent = new ArrayList<String>();
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__") || type.getName().endsWith("Connection")
                    || !(type instanceof GraphQLFieldsContainer container)) {
                continue;
            }
            for (var field : container.getFieldDefinitions()) {
                var returned = graphql.schema.GraphQLTypeUtil.unwrapNonNull(field.getType());
                boolean list = returned instanceof graphql.schema.GraphQLList
                        || graphql.schema.GraphQLTypeUtil.unwrapAll(returned).getName().endsWith("Connection");
                if (list && !ORDER_WORDS.matcher(field.getDescription()).find()) {
                    silent.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertThat(silent).as("list fields whose doc string does not state their order").isEmpty();
    }

    private static final java.util.regex.Pattern ORDER_WORDS = java.util.regex.Pattern.compile(
            "alphabetical|newest first|earliest first|first\\)|by (title|label|name|kind|level|date)|in the order|ordered|, in order|first\\b.*then",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
