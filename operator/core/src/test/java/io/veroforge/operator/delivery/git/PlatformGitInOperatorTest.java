package io.veroforge.operator.delivery.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.TestPostgres;

/**
 * The running operator serves its repository root over Git HTTP on the port it got (test profile:
 * {@code http-port=0}, {@code public-url=http://127.0.0.1:{port}}), checking each clone against
 * the app's credentials Secret in the API server.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class PlatformGitInOperatorTest {

    @Inject
    PlatformGit git;

    @Inject
    KubernetesClient client;

    @Test
    void appRepositoryIsClonedFromItsCloneUrlWithTheCredentialsInItsSecret() throws Exception {
        String namespace = "git-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        AppGitCredentials credentials = AppGitCredentials.ensure(client, namespace, "shop", owner());
        RevCommit published = RepositoryFixtures.bareRepositoryWithReadme(git.repositories().pathOf(namespace, "shop"), "# Shop\n");

        String url = git.cloneUrl(namespace, "shop");
        assertThat(url).isEqualTo("http://127.0.0.1:" + git.port().orElseThrow() + "/" + namespace + "/shop.git");
        Path clones = Files.createTempDirectory("veroforge-clones");
        try (Git clone = Git.cloneRepository().setURI(url)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("shop", credentials.password()))
                .setDirectory(clones.resolve("shop").toFile())
                .call()) {
            assertThat(clone.getRepository().resolve("HEAD")).isEqualTo(published.getId());
        }
        assertThatThrownBy(() -> Git.cloneRepository().setURI(url)
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("shop", "guess"))
                .setDirectory(clones.resolve("guess").toFile())
                .call().close())
                .isInstanceOf(TransportException.class);
        assertThat(git.repositories().root()).startsWith(Path.of("target").toAbsolutePath());
    }

    private static OwnerReference owner() {
        return new OwnerReferenceBuilder().withApiVersion("veroforge.io/v1alpha1").withKind("AppSpec").withName("shop")
                .withUid(UUID.randomUUID().toString()).build();
    }
}
