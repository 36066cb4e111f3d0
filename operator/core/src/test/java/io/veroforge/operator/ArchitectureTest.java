package io.veroforge.operator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The operator's package rules (each package-info says them in words): shared machinery never
 * reaches into a reconciler's package, and reconciler packages reach into each other only where a
 * rule below says why — so a Canary or Plugin reconciler finds one obvious place for each thing.
 */
class ArchitectureTest {
    private static final JavaClasses OPERATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.veroforge.operator");
    private static final String[] RECONCILERS = {"io.veroforge.operator.tenant..", "io.veroforge.operator.app..",
            "io.veroforge.operator.generation..", "io.veroforge.operator.canary..", "io.veroforge.operator.plugin.."};

    @Test
    void sharedMachineryKnowsNoReconciler() {
        noClasses().that().resideInAnyPackage("io.veroforge.operator.conditions..", "io.veroforge.operator.config..",
                        "io.veroforge.operator.db..", "io.veroforge.operator.decoding..", "io.veroforge.operator.delivery..",
                        "io.veroforge.operator.events..", "io.veroforge.operator.failures..", "io.veroforge.operator.platform..",
                        "io.veroforge.operator.secrets..", "io.veroforge.operator.telemetry..", "io.veroforge.operator.improvements..")
                .should().dependOnClassesThat().resideInAnyPackage(RECONCILERS)
                .because("reconcilers use shared machinery, not the other way round")
                .check(OPERATOR);
    }

    @Test
    void theDatabaseLayerNeedsNoCluster() {
        noClasses().that().resideInAPackage("io.veroforge.operator.db..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8.kubernetes.client..", "io.javaoperatorsdk..")
                .because("SQL provisioning is tested against PostgreSQL alone")
                .check(OPERATOR);
    }

    @Test
    void aTenantNeedsNoOtherReconciler() {
        noClasses().that().resideInAPackage("io.veroforge.operator.tenant..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator.app..", "io.veroforge.operator.generation..",
                        "io.veroforge.operator.canary..", "io.veroforge.operator.plugin..")
                .check(OPERATOR);
    }

    @Test
    void appsReadOnlyWhichGenerationServesFromThePipeline() {
        noClasses().that().resideInAPackage("io.veroforge.operator.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator.tenant..", "io.veroforge.operator.canary..",
                        "io.veroforge.operator.plugin..")
                .check(OPERATOR);
        noClasses().that().resideInAPackage("io.veroforge.operator.app..")
                .should().dependOnClassesThat(resideInAPackage("io.veroforge.operator.generation..")
                        .and(not(simpleName("DeployedGeneration"))))
                .because("which Generation of an app serves is the pipeline's knowledge (DeployedGeneration); nothing else of it")
                .check(OPERATOR);
    }

    @Test
    void thePipelineReadsOnlyATenantsConditions() {
        noClasses().that().resideInAPackage("io.veroforge.operator.generation..")
                .should().dependOnClassesThat(resideInAPackage("io.veroforge.operator.tenant..")
                        .and(not(simpleName("TenantConditions"))))
                .because("a Generation waits for its Tenant's DatabaseReady condition; what a Tenant hands its apps is in platform/")
                .check(OPERATOR);
        noClasses().that().resideInAPackage("io.veroforge.operator.generation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator.app..", "io.veroforge.operator.canary..",
                        "io.veroforge.operator.plugin..")
                .check(OPERATOR);
    }

    @Test
    void theKpiGateIsPureJava() {
        noClasses().that().resideInAPackage("io.veroforge.operator.canary.gate..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.apache.commons.math3..",
                        "io.veroforge.operator.canary.gate..")
                .because("the gate scores samples, nothing else: replayable in a unit test, no cluster, no CRD model")
                .check(OPERATOR);
    }

    @Test
    void aCanaryNeedsNoOtherReconciler() {
        noClasses().that().resideInAPackage("io.veroforge.operator.canary..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.operator.tenant..", "io.veroforge.operator.app..",
                        "io.veroforge.operator.generation..", "io.veroforge.operator.plugin..")
                .because("a Canary reads Deployments and metrics; the pipeline waits for it through delivery, not the other way round")
                .check(OPERATOR);
    }
}
