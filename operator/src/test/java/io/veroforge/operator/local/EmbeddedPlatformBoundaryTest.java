package io.veroforge.operator.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Nothing but the entry point reaches the embedded platform: the operator's own packages never
 * import the local API or the run command's platform, so leaving them out of the deployed
 * operator (operator/core) can never break it.
 */
class EmbeddedPlatformBoundaryTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.veroforge");

    @Test
    void onlyTheEntryPointImportsTheEmbeddedPlatform() {
        noClasses().that().resideInAPackage("io.veroforge..")
                .and().resideOutsideOfPackages("io.veroforge.operator.local..", "io.veroforge.localapi..")
                .and().doNotHaveFullyQualifiedName("io.veroforge.operator.VeroForgeMain")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator.local..", "io.veroforge.localapi..")
                .check(ALL);
    }

    @Test
    void theLocalApiKnowsNothingOfTheOperator() {
        noClasses().that().resideInAPackage("io.veroforge.localapi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator..", "io.veroforge.generator..")
                .because("it stands for a Kubernetes API server, which knows only the CRDs")
                .check(ALL);
    }
}
