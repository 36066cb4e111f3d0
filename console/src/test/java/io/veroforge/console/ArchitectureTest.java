package io.veroforge.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The console writes CRs and reads status; it never computes what the platform computes. */
class ArchitectureTest {
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.veroforge.console");

    @Test
    void theConsoleImportsNeitherTheGeneratorNorTheOperator() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.veroforge.generator..", "io.veroforge.operator..",
                        "io.veroforge.localapi..")
                .because("the console goes through the Kubernetes API like any user (ARCHITECTURE.md)")
                .check(CONSOLE);
    }
}
