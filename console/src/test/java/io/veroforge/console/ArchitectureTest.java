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

    @Test
    void sharedPackagesDependOnNoPage() {
        noClasses().that().resideInAnyPackage("io.veroforge.console.access..", "io.veroforge.console.writes..",
                        "io.veroforge.console.conditions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.veroforge.console.tenants..", "io.veroforge.console.apps..",
                        "io.veroforge.console.canaries..", "io.veroforge.console.proposals..")
                .because("access, writes and conditions are shared by every page (their package-info says so)")
                .check(CONSOLE);
    }

    @Test
    void tenantPagesDoNotKnowAboutApps() {
        noClasses().that().resideInAPackage("io.veroforge.console.tenants..")
                .should().dependOnClassesThat().resideInAPackage("io.veroforge.console.apps..")
                .because("apps are reached through a Tenant, not the other way round")
                .check(CONSOLE);
    }

    @Test
    void appsUseOnlyTheTenantDirectoryOfTheTenantPages() {
        noClasses().that().resideInAPackage("io.veroforge.console.apps..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "tenant classes other than TenantDirectory",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("io.veroforge.console.tenants")
                                && !c.getSimpleName().equals("TenantDirectory")))
                .because("ownership of a Tenant is decided in one place (package-info of apps)")
                .check(CONSOLE);
    }

    @Test
    void canariesAreReachedOnlyThroughTheAppDirectory() {
        noClasses().that().resideInAPackage("io.veroforge.console.canaries..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "app or tenant classes other than AppDirectory",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> (c.getPackageName().equals("io.veroforge.console.apps")
                                && !c.getSimpleName().equals("AppDirectory") && !c.getSimpleName().startsWith("AppDirectory$"))
                                || c.getPackageName().equals("io.veroforge.console.tenants")))
                .because("a Canary is seen only through an app the user may see (package-info of canaries)")
                .check(CONSOLE);
    }

    @Test
    void appPagesDoNotKnowAboutCanaryPages() {
        noClasses().that().resideInAPackage("io.veroforge.console.apps..")
                .should().dependOnClassesThat().resideInAPackage("io.veroforge.console.canaries..")
                .because("canaries are reached through an app, not the other way round")
                .check(CONSOLE);
    }

    @Test
    void theChatReachesAppsOnlyThroughTheAppDirectoryAndDrawsWithTheModelDiagramAndSimilarAppLinks() {
        noClasses().that().resideInAPackage("io.veroforge.console.chat..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "app or tenant classes other than AppDirectory, ModelDiagram and SimilarAppLinks",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> (c.getPackageName().equals("io.veroforge.console.apps")
                                && !c.getSimpleName().startsWith("AppDirectory") && !c.getSimpleName().startsWith("ModelDiagram")
                                && !c.getSimpleName().startsWith("SimilarAppLinks"))
                                || c.getPackageName().equals("io.veroforge.console.tenants")))
                .because("a draft is seen only through an app the user may see (package-info of chat)")
                .check(CONSOLE);
    }

    @Test
    void theDiffViewerReachesAppsOnlyThroughTheAppDirectory() {
        noClasses().that().resideInAPackage("io.veroforge.console.diffs..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "app or tenant classes other than AppDirectory",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> (c.getPackageName().equals("io.veroforge.console.apps")
                                && !c.getSimpleName().startsWith("AppDirectory"))
                                || c.getPackageName().equals("io.veroforge.console.tenants")))
                .because("code is seen only through an app the user may see (package-info of diffs)")
                .check(CONSOLE);
    }

    @Test
    void thePlaygroundUsesOnlyTheModelDiagramOfTheAppPages() {
        noClasses().that().resideInAPackage("io.veroforge.console.playground..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "app or tenant classes other than ModelDiagram",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> (c.getPackageName().equals("io.veroforge.console.apps")
                                && !c.getSimpleName().startsWith("ModelDiagram"))
                                || c.getPackageName().equals("io.veroforge.console.tenants")))
                .because("the public playground shows only demo Tenants, never a signed-in user's pages (package-info of playground)")
                .check(CONSOLE);
    }
}
