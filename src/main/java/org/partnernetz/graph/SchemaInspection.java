package org.partnernetz.graph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Spring for GraphQL's check, at start, that every schema field has a data fetcher or a property of
 * the Java type that serves it. The records behind the {@code Node} interface are named from the
 * features' {@link NodeType}s, so the check follows fields typed {@code Node} too; features add the
 * types it cannot infer ({@link SchemaTypes}). The report is kept
 * for the test that holds it empty.
 */
@Component
class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private final Nodes nodes;
    private final java.util.List<SchemaTypes> features;
    private volatile SchemaReport report;

    SchemaInspection(Nodes nodes, java.util.List<SchemaTypes> features) {
        this.nodes = nodes;
        this.features = features;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(
                initializer -> {
                    nodes.all().forEach(type -> initializer.classMapping(type.label().name(), type.type()));
                    features.forEach(feature -> feature.classMappings().forEach(initializer::classMapping));
                },
                report -> {
                    this.report = report;
                    log.info("{}", report);
                });
    }

    /** The report of the last inspection; null before the schema was built. */
    SchemaReport report() {
        return report;
    }
}
