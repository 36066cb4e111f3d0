package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BuildComponentTest {

    @Test
    void theApiAndUiAreBuiltFromTheirDockerfilesAndMigrationsAreNot() {
        List<BuildComponent> components = BuildComponent.in(pestControlFiles());

        assertThat(components).containsExactly(
                new BuildComponent("api", "deploy/api.Dockerfile", "api"),
                new BuildComponent("ui", "deploy/ui.Dockerfile", "."));
        assertThat(components.get(0).dockerfileInContext()).isEqualTo("../deploy/api.Dockerfile");
        assertThat(components.get(1).dockerfileInContext()).isEqualTo("deploy/ui.Dockerfile");
    }

    @Test
    void imageRefsNameRegistryTenantAppComponentAndCommit() {
        ImageRefs refs = ImageRefs.built("registry.example.com/vf/", "acme", "pest-control", SHA, BuildComponent.in(pestControlFiles()));

        assertThat(refs.of("api")).isEqualTo("registry.example.com/vf/acme/pest-control-api:" + SHA);
        assertThat(refs.toString()).isEqualTo("api=registry.example.com/vf/acme/pest-control-api:" + SHA
                + ",ui=registry.example.com/vf/acme/pest-control-ui:" + SHA);
    }

    @Test
    void theAppUrlIsTheUiServiceUnlessAPublicDomainIsConfigured() {
        assertThat(AppUrl.of("pest-control", "acme", "pest-control", "tenant-acme", null))
                .isEqualTo("http://pest-control-ui.tenant-acme.svc.cluster.local");
        assertThat(AppUrl.of("pest-control", "acme", "pest-control", "tenant-acme", "apps.example.com"))
                .isEqualTo("https://pest-control.acme.apps.example.com");
    }
}
