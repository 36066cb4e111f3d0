package io.veroforge.generator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The generator is a plain library: the operator uses it, not the other way round, and no cluster is needed to run it. */
class ArchitectureTest {
    private static final JavaClasses GENERATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.veroforge.generator");

    @Test
    void theGeneratorImportsNoKubernetesNoOperatorSdkAndNoQuarkus() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage(
                        "io.fabric8..", "io.javaoperatorsdk..", "io.quarkus..", "io.quarkiverse..", "jakarta.enterprise..",
                        "io.veroforge.api..", "io.veroforge.operator..", "io.veroforge.localapi..", "io.veroforge.console..")
                        // Qute, the template engine, is a plain library that runs without Quarkus
                        .and(not(resideInAPackage("io.quarkus.qute.."))))
                .because("the generator runs in the CLI and in tests without a cluster (ARCHITECTURE.md: operator → generator)")
                .check(GENERATOR);
    }

    @Test
    void theTemplatesScannerAndModelNeverReachForTheLanguageModel() {
        noClasses().that().resideInAnyPackage("io.veroforge.generator.model..", "io.veroforge.generator.gaps..",
                        "io.veroforge.generator.synthesize..", "io.veroforge.generator.scan..", "io.veroforge.generator.node..")
                .should().dependOnClassesThat(resideInAnyPackage("io.veroforge.generator.ai..", "dev.langchain4j.."))
                .because("AI gap filling sits on top (generator.ai): without a provider nothing below it needs or loads LangChain4j")
                .check(GENERATOR);
    }
}
