package org.partnernetz.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The code is grouped by feature. The shared mechanics (ids, cursors and connections, errors,
 * limits, relationship batch loading, the schema, the driver) know no feature: a feature contributes
 * its part (a {@code NodeType}, its {@code RelationshipFields}) instead of a shared package switching
 * over every feature.
 */
@AnalyzeClasses(packages = "org.partnernetz", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTests {

    static final String[] SHARED = {
        "org.partnernetz.graph..", "org.partnernetz.graphql..", "org.partnernetz.relationship..",
        "org.partnernetz.schema..", "org.partnernetz.config.."};

    static final String[] FEATURES = {
        "org.partnernetz.organisation..", "org.partnernetz.project..", "org.partnernetz.event..",
        "org.partnernetz.person..", "org.partnernetz.region..", "org.partnernetz.source..",
        "org.partnernetz.topic..", "org.partnernetz.network..", "org.partnernetz.seed..",
        "org.partnernetz.graphiql.."};

    @ArchTest
    static final ArchRule sharedPackagesImportNoFeature = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("shared mechanics must not switch over features; features contribute their parts");
}
