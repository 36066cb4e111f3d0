package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.appSpec;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The Fabric8 CRUD mock (7.3.1) answers a server-side apply with 404 or 415, so these tests deploy
 * with {@link DirectDeploy.ApplyMode#CREATE_OR_REPLACE}; production uses SERVER_SIDE.
 */
@EnableKubernetesMockClient(crud = true)
class DirectDeployTest {
    static KubernetesClient client;

    private static final DatabaseLogin LOGIN =
            new DatabaseLogin("postgres.veroforge.svc", 5432, "veroforge", "tenant_acme", "p@ss w/rd:%", "app_pest_control");
    private final AppManifests manifests = AppManifests.parse(pestControlFiles());
    private final ImageRefs images = ImageRefs.built("registry.example.com/vf", "acme", "pest-control", SHA,
            BuildComponent.in(pestControlFiles()));

    @Test
    void theDatabaseUrlPercentEncodesCredentialsAndSetsTheSearchPath() {
        assertThat(LOGIN.url()).isEqualTo("postgresql://tenant_acme:p%40ss%20w%2Frd%3A%25@postgres.veroforge.svc:5432/veroforge"
                + "?options=-c%20search_path%3Dapp_pest_control");
        assertThat(LOGIN.toString()).doesNotContain("p@ss");
    }

    @Test
    void deployingAppliesTheManifestsAndTheAppSecret() {
        AppSpec app = appSpec("deploy-first");

        DirectDeploy.DeployResult result = new DirectDeploy(client, DirectDeploy.ApplyMode.CREATE_OR_REPLACE)
                .deploy(app, manifests.appSecretName(), LOGIN, manifests.prepare(app, "pest-control-1", images));

        assertThat(result.applied()).containsExactly("Secret/pest-control-secrets", "Deployment/pest-control-api",
                "Service/pest-control-api", "ConfigMap/pest-control-config", "Deployment/pest-control-ui", "Service/pest-control-ui");
        assertThat(result.pruned()).isEmpty();
        assertThat(client.apps().deployments().inNamespace("deploy-first").withName("pest-control-api").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/vf/acme/pest-control-api:" + SHA);
        Secret secret = client.secrets().inNamespace("deploy-first").withName("pest-control-secrets").get();
        assertThat(decode(secret, "DATABASE_URL")).isEqualTo(LOGIN.url());
        assertThat(decode(secret, "JWT_SECRET")).hasSizeGreaterThanOrEqualTo(64);
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getName()).isEqualTo("pest-control"));
    }

    @Test
    void redeployingKeepsTheJwtSecretAndChangesNothingElse() {
        AppSpec app = appSpec("deploy-again");
        DirectDeploy deploy = new DirectDeploy(client, DirectDeploy.ApplyMode.CREATE_OR_REPLACE);
        deploy.deploy(app, manifests.appSecretName(), LOGIN, manifests.prepare(app, "pest-control-1", images));
        String jwt = decode(client.secrets().inNamespace("deploy-again").withName("pest-control-secrets").get(), "JWT_SECRET");

        DirectDeploy.DeployResult again = deploy.deploy(app, manifests.appSecretName(), LOGIN,
                manifests.prepare(app, "pest-control-2", images));

        assertThat(again.pruned()).isEmpty();
        assertThat(decode(client.secrets().inNamespace("deploy-again").withName("pest-control-secrets").get(), "JWT_SECRET"))
                .isEqualTo(jwt);
        assertThat(client.apps().deployments().inNamespace("deploy-again").list().getItems())
                .extracting(d -> d.getMetadata().getLabels().get("veroforge.io/generation"))
                .containsOnly("pest-control-2");
    }

    @Test
    void objectsANewGenerationNoLongerHasArePrunedButNotTheSecretOrBuilds() {
        AppSpec app = appSpec("deploy-prune");
        DirectDeploy deploy = new DirectDeploy(client, DirectDeploy.ApplyMode.CREATE_OR_REPLACE);
        deploy.deploy(app, manifests.appSecretName(), LOGIN, manifests.prepare(app, "pest-control-1", images));
        client.resource(new JobBuilder().withNewMetadata().withName("pest-control-2-build-api").withNamespace("deploy-prune")
                .withLabels(Map.of("veroforge.io/appspec", "pest-control", "veroforge.io/generation", "pest-control-2",
                        "veroforge.io/build", "api", "app.kubernetes.io/managed-by", "veroforge"))
                .endMetadata().withNewSpec().withNewTemplate().endTemplate().endSpec().build()).create();
        List<HasMetadata> withoutUi = manifests.prepare(app, "pest-control-2", images).stream()
                .filter(o -> !o.getMetadata().getName().equals("pest-control-ui")).toList();

        DirectDeploy.DeployResult result = deploy.deploy(app, manifests.appSecretName(), LOGIN, withoutUi);

        assertThat(result.pruned()).containsExactlyInAnyOrder("Deployment/pest-control-ui", "Service/pest-control-ui");
        assertThat(client.apps().deployments().inNamespace("deploy-prune").withName("pest-control-ui").get()).isNull();
        assertThat(client.services().inNamespace("deploy-prune").withName("pest-control-ui").get()).isNull();
        assertThat(client.secrets().inNamespace("deploy-prune").withName("pest-control-secrets").get()).isNotNull();
        assertThat(client.batch().v1().jobs().inNamespace("deploy-prune").withName("pest-control-2-build-api").get()).isNotNull();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
