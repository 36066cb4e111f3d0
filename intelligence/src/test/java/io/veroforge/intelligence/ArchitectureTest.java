package io.veroforge.intelligence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package rules of the package-infos: events → nothing of ours; patterns ↛ events, proposals. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.veroforge.intelligence");

    @Test
    void eventsKnowNothingOfPatternsOrProposals() {
        noClasses().that().resideInAPackage("..intelligence.events..")
                .should().dependOnClassesThat().resideInAnyPackage("..intelligence.patterns..", "..intelligence.proposals..")
                .check(CLASSES);
    }

    @Test
    void patternsKnowNothingOfEventsOrProposals() {
        noClasses().that().resideInAPackage("..intelligence.patterns..")
                .should().dependOnClassesThat().resideInAnyPackage("..intelligence.events..", "..intelligence.proposals..")
                .check(CLASSES);
    }

    @Test
    void nothingImportsTheOperatorTheGeneratorOrKubernetes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator..", "io.veroforge.generator..",
                "io.fabric8..", "io.javaoperatorsdk..").check(CLASSES);
    }
}
