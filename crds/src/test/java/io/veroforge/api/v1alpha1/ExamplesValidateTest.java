package io.veroforge.api.v1alpha1;

import io.veroforge.api.validation.StructuralDefaults;
import static io.veroforge.api.v1alpha1.ExampleManifests.read;
import static io.veroforge.api.v1alpha1.ExampleManifests.with;
import static io.veroforge.api.v1alpha1.ExampleManifests.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Every example under crds/examples/ is accepted by its committed CRD (OpenAPI schema and CEL rules),
 * and typical mistakes are rejected with a message that names the field.
 */
class ExamplesValidateTest {
    private static final Map<Class<? extends HasMetadata>, CrdValidator> VALIDATORS = new HashMap<>();

    static List<Path> examples() {
        return ExampleManifests.all();
    }

    private static CrdValidator validatorFor(JsonNode manifest) {
        return VALIDATORS.computeIfAbsent(ExampleManifests.kindOf(manifest), CrdValidator::forKind);
    }

    static List<String> create(ObjectNode manifest) {
        return validatorFor(manifest).validateCreate(manifest);
    }

    static List<String> update(ObjectNode before, ObjectNode after) {
        return validatorFor(after).validateUpdate(before, after);
    }

    static void assertRejected(List<String> violations, String... fragments) {
        assertThat(violations)
                .as("violations (expected one mentioning all of %s)", List.of(fragments))
                .anySatisfy(v -> assertThat(v).contains(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsAcceptedByItsCrd(Path file) {
        assertThat(create(read(file))).as(file.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleReadIntoTheJavaModelAndWrittenBackIsStillAccepted(Path file) {
        ObjectNode manifest = read(file);
        HasMetadata resource = Serialization.unmarshal(manifest.toString(), ExampleManifests.kindOf(manifest));
        ObjectNode written = (ObjectNode) ExampleManifests.yaml(Serialization.asYaml(resource));

        assertThat(resource.getMetadata().getName()).isEqualTo(manifest.at("/metadata/name").asText());
        assertThat(create(written)).as("%s after a round trip through %s", file.getFileName(), resource.getClass().getSimpleName()).isEmpty();
    }

    @Test
    void everyKindHasAnExample() {
        Set<String> kindsWithExamples = examples().stream().map(f -> read(f).path("kind").asText()).collect(Collectors.toSet());
        assertThat(kindsWithExamples).containsAll(CrdManifests.KINDS.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void namespacedExamplesLiveInTheAcmeTenantNamespace() {
        examples().stream().map(ExampleManifests::read).filter(m -> !m.path("kind").asText().equals("Tenant"))
                .forEach(m -> assertThat(m.at("/metadata/namespace").asText()).as(m.at("/metadata/name").asText()).isEqualTo("tenant-acme"));
    }

    @Test
    void everyValidationRuleOfEveryCrdCompiles() {
        for (var kind : CrdManifests.KINDS) {
            CrdValidator validator = CrdValidator.forKind(kind);
            List<String> rules = CelRuleChecker.rulesIn(validator.openApiSchema());
            assertThat(rules).as(kind.getSimpleName()).isNotEmpty();
            rules.forEach(rule -> assertThat(validator.cel().compile(rule)).as(rule).isNotNull());
        }
    }

    @Nested
    class Tenants {
        ObjectNode acme = read("tenant-acme.yaml");

        @Test
        void nameWithUpperCaseIsRejected() {
            assertRejected(create(with(acme, "/metadata/name", "Acme")), "metadata.name", "lower-case");
        }

        @Test
        void nameWithSqlMetacharactersIsRejected() {
            assertRejected(create(with(acme, "/metadata/name", "\"acme'; drop\"")), "metadata.name", "lower-case");
        }

        @Test
        void nameOf41CharactersIsRejectedAnd40IsAccepted() {
            assertRejected(create(with(acme, "/metadata/name", "a".repeat(41))), "metadata.name", "at most 40");
            assertThat(create(with(read("tenant-acme.yaml"), "/metadata/name", "a".repeat(40)))).isEmpty();
        }

        @Test
        void changingTheTierIsRejected() {
            ObjectNode upgraded = with(read("tenant-acme.yaml"), "/spec/tier", "pro");
            assertRejected(update(acme, upgraded), "spec.tier", "immutable");
        }

        @Test
        void updatingOtherFieldsKeepingTheTierIsAccepted() {
            ObjectNode renamed = with(read("tenant-acme.yaml"), "/spec/displayName", "Acme Pest Control Ltd");
            assertThat(update(acme, renamed)).isEmpty();
        }

        @Test
        void tenantWithoutOwnersIsRejected() {
            assertRejected(create(without(acme, "/spec/owners")), "owners");
        }

        @Test
        void tenantWithEmptyOwnersIsRejected() {
            assertRejected(create(with(acme, "/spec/owners", "[]")), "$.spec.owners");
        }

        @Test
        void malformedTtlIsRejected() {
            assertRejected(create(with(acme, "/spec/ttl", "3 days")), "$.spec.ttl");
        }

        @Test
        void unknownTierIsRejected() {
            assertRejected(create(with(acme, "/spec/tier", "gold")), "$.spec.tier");
        }

        @Test
        void misspelledFieldIsRejectedNotIgnored() {
            assertRejected(create(with(acme, "/spec/ownerz", "[]")), "ownerz");
        }

        @Test
        void serviceAccountOwnerWithoutNamespaceIsRejected() {
            ObjectNode globex = without(read("tenant-globex.yaml"), "/spec/owners/1/namespace");
            assertRejected(create(globex), "spec.owners[1]", "namespace is required for a ServiceAccount");
        }

        @Test
        void userOwnerWithNamespaceIsRejected() {
            assertRejected(create(with(acme, "/spec/owners/0/namespace", "default")), "spec.owners[0]", "namespace applies only to a ServiceAccount");
        }

        @Test
        void databaseInstancesOnABasicTenantAreRejected() {
            assertRejected(create(with(acme, "/spec/database", "{instances: 2}")), "spec.database.instances", "enterprise");
        }
    }

    @Nested
    class AppSpecs {
        ObjectNode pestControl = read("appspec-pest-control.yaml");

        @Test
        void fieldOfUnknownTypeIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/0/fields/0/type", "currency")), "$.spec.entities[0].fields[0].type");
        }

        @Test
        void enumFieldWithoutValuesIsRejected() {
            assertRejected(create(without(pestControl, "/spec/entities/1/fields/1/values")), "spec.entities[1].fields[1]", "values", "enum");
        }

        @Test
        void valuesOnANonEnumFieldAreRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/0/fields/0/values", "[a, b]")), "spec.entities[0].fields[0]", "values apply only to type enum");
        }

        @Test
        void minGreaterThanMaxIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/1/fields/2/max", "-1")), "spec.entities[1].fields[2]", "min: must not be greater than max");
        }

        @Test
        void reservedFieldNameIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/0/fields/0/name", "tenantId")), "spec.entities[0].fields[0]", "tenantId");
        }

        @Test
        void fieldNameWithSqlMetacharactersIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/0/fields/0/name", "\"name; drop table x\"")), "$.spec.entities[0].fields[0].name");
        }

        @Test
        void entityNameThatIsNoIdentifierIsRejected() {
            ObjectNode sparse = with(read("appspec-gym-sparse.yaml"), "/spec/entities/0/name", "gym member");
            assertRejected(create(sparse), "$.spec.entities[0].name");
        }

        @Test
        void snakeCaseEntityNameIsAdmittedForTheGeneratorToMap() {
            // pasted from a database; the generator maps it to PascalCase with a warning (issue 10)
            assertThat(create(with(read("appspec-gym-sparse.yaml"), "/spec/entities/0/name", "gym_member"))).isEmpty();
        }

        @Test
        void duplicateEntityNamesAreRejected() {
            ObjectNode sparse = with(read("appspec-gym-sparse.yaml"), "/spec/entities/1/name", "Member");
            assertRejected(create(sparse), "spec.entities[].name", "unique");
        }

        @Test
        void relationToAnUndeclaredEntityIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/3/relations/1/target", "Technican")), "spec.entities[].relations[].target", "declared");
        }

        @Test
        void permissionOnAnUndeclaredEntityIsRejected() {
            assertRejected(create(with(pestControl, "/spec/roles/1/permissions/0/entity", "Invoice")), "spec.roles[].permissions[].entity");
        }

        @Test
        void cascadeOnManyToOneIsRejected() {
            assertRejected(create(with(pestControl, "/spec/entities/1/relations/0/cascade", "true")), "spec.entities[1].relations[0]", "cascade");
        }

        @Test
        void scheduleTriggerWithoutCronIsRejected() {
            assertRejected(create(without(pestControl, "/spec/workflows/2/trigger/schedule")), "spec.workflows[2].trigger", "schedule");
        }

        @Test
        void fieldChangedTriggerWithoutFieldIsRejected() {
            assertRejected(create(without(pestControl, "/spec/workflows/1/trigger/field")), "spec.workflows[1].trigger", "field");
        }

        @Test
        void sendEmailWithoutRecipientIsRejected() {
            assertRejected(create(without(pestControl, "/spec/workflows/0/actions/0/to")), "spec.workflows[0].actions[0]", "sendEmail needs to");
        }

        @Test
        void webhookOverPlainHttpIsRejected() {
            assertRejected(create(with(pestControl, "/spec/workflows/1/actions/0/url", "http://billing.example.com/hook")), "$.spec.workflows[1].actions[0].url");
        }

        @Test
        void sshRepositoryWithoutSecretIsRejected() {
            with(pestControl, "/spec/delivery/git/url", "git@git.example.com:acme/pest-control.git");
            assertRejected(create(without(pestControl, "/spec/delivery/git/secretRef")), "spec.delivery.git", "secretRef");
        }

        @Test
        void canarySettingsWithDirectRolloutAreRejected() {
            assertRejected(create(with(pestControl, "/spec/rollout/strategy", "direct")), "spec.rollout", "strategy: canary");
        }

        @Test
        void revisionHistoryLimitOfZeroIsRejected() {
            assertRejected(create(with(pestControl, "/spec/revisionHistoryLimit", "0")), "$.spec.revisionHistoryLimit");
        }

        @Test
        void unknownApprovalPolicyIsRejected() {
            assertRejected(create(with(pestControl, "/spec/approval/policy", "sometimes")), "$.spec.approval.policy");
        }

        @Test
        void appSpecWithNothingToGenerateIsRejected() {
            ObjectNode empty = with(read("appspec-gym-sparse.yaml"), "/spec", "{}");
            assertRejected(create(empty), "spec", "nothing to generate");
        }

        @Test
        void sparseAppSpecGetsTheDocumentedDefaults() {
            ObjectNode sparse = read("appspec-gym-sparse.yaml");
            StructuralDefaults.apply(CrdValidator.forKind(AppSpec.class).openApiSchema(), sparse);
            assertThat(sparse.at("/spec/templatePack/name").asText()).isEqualTo(TemplatePackRef.DEFAULT_PACK);
            assertThat(sparse.at("/spec/approval/policy").asText()).isEqualTo("auto-unless-risky");
            assertThat(sparse.at("/spec/delivery/mode").asText()).isEqualTo("direct");
            assertThat(sparse.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
        }
    }

    @Nested
    class Generations {
        ObjectNode generation = read("generation-pest-control-3.yaml");

        @Test
        void changingTheSpecIsRejected() {
            ObjectNode changed = with(read("generation-pest-control-3.yaml"), "/spec/templatePack/revision", "2025.07.0");
            assertRejected(update(generation, changed), "spec", "immutable");
        }

        @Test
        void changingTheModelSnapshotIsRejected() {
            ObjectNode changed = with(read("generation-pest-control-3.yaml"), "/spec/entities", "3");
            assertRejected(update(generation, changed), "spec", "immutable");
        }

        @Test
        void statusUpdatesAndApprovalAnnotationsAreAccepted() {
            ObjectNode approved = read("generation-pest-control-3.yaml");
            with(approved, "/metadata/annotations", "{veroforge.io/approve: alice}");
            with(approved, "/status/approval/state", "Approved");
            assertThat(update(generation, approved)).isEmpty();
        }

        @Test
        void generationWithoutTemplatePackRevisionIsRejected() {
            assertRejected(create(without(generation, "/spec/templatePack/revision")), "spec.templatePack.revision");
        }

        @Test
        void malformedContentHashIsRejected() {
            assertRejected(create(with(generation, "/spec/contentHash", "md5:abc")), "$.spec.contentHash");
        }

        @Test
        void unknownStageIsRejected() {
            assertRejected(create(with(generation, "/status/stages/0/name", "Deploying")), "$.status.stages[0].name");
        }
    }

    @Nested
    class Canaries {
        ObjectNode canary = read("canary-pest-control.yaml");

        @Test
        void unknownKpiOperatorIsRejected() {
            assertRejected(create(with(canary, "/spec/kpis/0/operator", "gte")), "$.spec.kpis[0].operator");
        }

        @Test
        void kpiWeightsNotAddingUpTo100AreRejected() {
            assertRejected(create(with(canary, "/spec/kpis/2/weight", "30")), "spec.kpis[].weight", "add up to 100");
        }

        @Test
        void decreasingStepWeightsAreRejected() {
            assertRejected(create(with(canary, "/spec/steps/1/weight", "5")), "spec.steps[].weight", "must not decrease");
        }

        @Test
        void stepWeightAbove100IsRejected() {
            assertRejected(create(with(canary, "/spec/steps/3/weight", "150")), "$.spec.steps[3].weight");
        }

        @Test
        void targetNamingBothAnAppAndADeploymentIsRejected() {
            assertRejected(create(with(canary, "/spec/target/deployment", "pest-control-api")), "spec.target", "exactly one");
        }

        @Test
        void windowShorterThanIntervalIsRejected() {
            assertRejected(create(with(canary, "/spec/analysis/window", "30s")), "spec.analysis", "window");
        }

        @Test
        void malformedPauseIsRejected() {
            assertRejected(create(with(canary, "/spec/steps/0/pause", "five minutes")), "$.spec.steps[0].pause");
        }
    }

    @Nested
    class Plugins {
        ObjectNode plugin = read("plugin-invoice-pdf.yaml");

        @Test
        void imageWithATagButNoDigestIsRejected() {
            assertRejected(create(with(plugin, "/spec/image", "registry.example.com/veroforge-plugins/invoice-pdf:1.4.2")), "spec.image", "pinned by digest");
        }

        @Test
        void imageWithATruncatedDigestIsRejected() {
            assertRejected(create(with(plugin, "/spec/image", "registry.example.com/invoice-pdf@sha256:8f3a1c9e")), "spec.image", "pinned by digest");
        }

        @Test
        void imagePinnedByDigestWithoutTagIsAccepted() {
            String digestOnly = "ghcr.io/acme/invoice-pdf@sha256:" + "0123456789abcdef".repeat(4);
            assertThat(create(with(plugin, "/spec/image", digestOnly))).isEmpty();
        }

        @Test
        void pluginThatAsksForNoScopesIsAccepted() {
            assertThat(create(without(plugin, "/spec/scopes"))).isEmpty();
        }

        @Test
        void sameEntityInTwoScopesIsRejected() {
            assertRejected(create(with(plugin, "/spec/scopes/1/entity", "ServiceVisit")), "spec.scopes[].entity", "once");
        }

        @Test
        void egressGivenAsUrlIsRejected() {
            assertRejected(create(with(plugin, "/spec/sandbox/egress/0", "https://api.stripe.com")), "$.spec.sandbox.egress[0]");
        }

        @Test
        void versionThatIsNotSemverIsRejected() {
            assertRejected(create(with(plugin, "/spec/version", "latest")), "$.spec.version");
        }
    }
}
