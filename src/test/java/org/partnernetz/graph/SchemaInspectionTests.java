package org.partnernetz.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnernetz.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every data fetcher says what it returns, so Spring for GraphQL's schema inspection follows every
 * type of the schema: no field without a fetcher or property, no type it had to skip.
 */
@FullStackTest
class SchemaInspectionTests {

    @Autowired
    SchemaInspection inspection;

    @Test
    void theSchemaInspectionFindsNothingUnmappedAndSkipsNoType() {
        var report = inspection.report();
        assertThat(report).as("the inspection ran").isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
    }
}
