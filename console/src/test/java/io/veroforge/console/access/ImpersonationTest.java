package io.veroforge.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Tenants;
import io.veroforge.console.tenants.TenantWrites;

/** In a cluster the console's writes carry Impersonate-User/-Group, so RBAC decides; locally they do not. */
class ImpersonationTest {
    private static final ConsoleUser LOPEZ = new ConsoleUser("dr.lopez@brightsmile.example.com",
            Set.of("brightsmile-it", "dentists"));

    private KubernetesMockServer server;
    private KubernetesClient console;

    @BeforeEach
    void start() {
        // CRUD mode: creates are stored and answered as kube-apiserver would, with no RBAC
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                new java.util.HashMap<>(), new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), false);
        server.init();
        server.expectCustomResource(CustomResourceDefinitionContext.fromCustomResourceType(Tenant.class));
        console = server.createClient();
    }

    @AfterEach
    void stop() {
        console.close();
        server.destroy();
    }

    @Test
    void writesImpersonateTheUserAndTheirGroups() throws Exception {
        var problems = new TenantWrites(new ClusterClients(console, true))
                .create(LOPEZ, Tenants.ownedBy("imp-smile", OwnerKind.Group, "brightsmile-it"));
        assertThat(problems).isEmpty();
        RecordedRequest create = lastRequestTo("/apis/veroforge.io/v1alpha1/tenants");
        assertThat(create.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());
        assertThat(create.getHeaders().headers("Impersonate-Group")).containsExactlyInAnyOrder("brightsmile-it", "dentists");
    }

    @Test
    void withoutImpersonationTheConsolesOwnIdentityIsUsed() throws Exception {
        var problems = new TenantWrites(new ClusterClients(console, false))
                .create(LOPEZ, Tenants.ownedBy("plain-smile", OwnerKind.Group, "brightsmile-it"));
        assertThat(problems).isEmpty();
        RecordedRequest create = lastRequestTo("/apis/veroforge.io/v1alpha1/tenants");
        assertThat(create.getHeader("Impersonate-User")).isNull();
        assertThat(create.getHeaders().headers("Impersonate-Group")).isEmpty();
    }

    private RecordedRequest lastRequestTo(String path) throws InterruptedException {
        RecordedRequest found = null;
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest request = server.takeRequest();
            if (request.getPath().startsWith(path)) {
                found = request;
            }
        }
        assertThat(found).as("a request to " + path + " among " + List.of(server.getRequestCount())).isNotNull();
        return found;
    }
}
