package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.appSpec;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

class AppManifestsTest {
    private final AppManifests manifests = AppManifests.parse(pestControlFiles());
    private final List<BuildComponent> components = BuildComponent.in(pestControlFiles());
    private final ImageRefs images = ImageRefs.built("registry.example.com/vf", "acme", "pest-control", SHA, components);

    @Test
    void readsDeploymentsServicesAndConfigMapButNotTheMigrationJob() {
        assertThat(manifests.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("Deployment/pest-control-api", "Service/pest-control-api", "ConfigMap/pest-control-config",
                        "Deployment/pest-control-ui", "Service/pest-control-ui");
        assertThat(manifests.slug()).isEqualTo("pest-control");
        assertThat(manifests.appSecretName()).isEqualTo("pest-control-secrets");
    }

    @Test
    void preparedObjectsLiveInTheTenantNamespaceLabelledAndOwnedByTheAppSpec() {
        List<HasMetadata> prepared = manifests.prepare(appSpec("tenant-acme"), "pest-control-3", images);

        assertThat(prepared).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo("tenant-acme");
            assertThat(o.getMetadata().getLabels())
                    .containsEntry("veroforge.io/appspec", "pest-control")
                    .containsEntry("veroforge.io/generation", "pest-control-3")
                    .containsEntry("app.kubernetes.io/managed-by", "veroforge")
                    .containsEntry("app.kubernetes.io/part-of", "pest-control");
            assertThat(o.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
                assertThat(ref.getKind()).isEqualTo("AppSpec");
                assertThat(ref.getApiVersion()).isEqualTo("veroforge.io/v1alpha1");
                assertThat(ref.getName()).isEqualTo("pest-control");
                assertThat(ref.getBlockOwnerDeletion()).isFalse();
            });
        });
        // the parsed originals are untouched
        assertThat(manifests.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isNull());
    }

    @Test
    void localImagesAreReplacedByTheBuiltImageOfTheirComponent() {
        List<HasMetadata> prepared = manifests.prepare(appSpec("tenant-acme"), "pest-control-3", images);

        assertThat(prepared).filteredOn(Deployment.class::isInstance)
                .extracting(o -> ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .containsExactly("registry.example.com/vf/acme/pest-control-api:" + SHA,
                        "registry.example.com/vf/acme/pest-control-ui:" + SHA);
    }

    @Test
    void aLocalImageNoDockerfileBuildsIsRejectedNamingTheContainer() {
        ImageRefs onlyApi = ImageRefs.built("registry.example.com/vf", "acme", "pest-control", SHA,
                components.stream().filter(c -> c.name().equals("api")).toList());

        assertThatThrownBy(() -> manifests.prepare(appSpec("tenant-acme"), "pest-control-3", onlyApi))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("Deployment pest-control-ui, container ui: image pest-control-ui:latest is built by no Dockerfile")
                .hasMessageContaining("deploy/ui.Dockerfile");
    }

    @Test
    void aRepositoryWithoutManifestsIsReported() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("deploy/k8s/migration-job.yaml", pestControlFiles().get("deploy/k8s/migration-job.yaml"));

        assertThatThrownBy(() -> AppManifests.parse(files)).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("no Kubernetes objects under deploy/k8s/");
    }

    @Test
    void anInvalidDocumentNamesItsFile() {
        SortedMap<String, String> files = new TreeMap<>(pestControlFiles());
        files.put("deploy/k8s/extra.yaml", "kind: [not, an, object\n");

        assertThatThrownBy(() -> AppManifests.parse(files)).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("deploy/k8s/extra.yaml");
    }
}
