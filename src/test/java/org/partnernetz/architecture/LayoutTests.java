package org.partnernetz.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The code is grouped by feature. The shared mechanics (ids, cursors and connections, errors,
 * limits, relationship batch loading, the schema, the driver) know no feature: a feature contributes
 * its part (a {@code NodeType}, its {@code RelationshipFields}) instead of a shared package switching
 * over every feature. Every package of the hub that is not shared counts as a feature, so a new
 * feature is covered without touching this test.
 */
@AnalyzeClasses(packages = "org.partnernetz", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTests {

    static final String[] SHARED = {
        "org.partnernetz.graph..", "org.partnernetz.graphql..", "org.partnernetz.relationship..",
        "org.partnernetz.schema..", "org.partnernetz.config..", "org.partnernetz.history.."};

    @ArchTest
    static final ArchRule sharedPackagesImportNoFeature = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat(resideInAPackage("org.partnernetz..").and(resideInAnyPackage(SHARED).negate()))
            .because("shared mechanics must not switch over features; features contribute their parts");
}
