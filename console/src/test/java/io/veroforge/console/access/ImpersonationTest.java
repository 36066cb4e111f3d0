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
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.Apps;
import io.veroforge.console.apps.AppDirectory;
import io.veroforge.console.apps.GenerationDecisions;
import io.veroforge.console.tenants.TenantDirectory;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Tenants;
import io.veroforge.console.tenants.TenantWrites;

/**
 * In a cluster the console's reads and writes (Tenants, approvals, canary promotions) carry Impersonate-User/-Group,
 * so RBAC decides; locally they do not.
 */
class ImpersonationTest {
    private static final ConsoleUser LOPEZ = new ConsoleUser("dr.lopez@brightsmile.example.com",
            Set.of("brightsmile-it", "dentists"));

    private KubernetesMockServer server;
    private KubernetesClient console;
    private int taken;

    @BeforeEach
    void start() {
        // CRUD mode: creates are stored and answered as kube-apiserver would, with no RBAC
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                new java.util.HashMap<>(), new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), false);
        server.init();
        server.expectCustomResource(CustomResourceDefinitionContext.fromCustomResourceType(Tenant.class));
        server.expectCustomResource(CustomResourceDefinitionContext.fromCustomResourceType(AppSpec.class));
        server.expectCustomResource(CustomResourceDefinitionContext.fromCustomResourceType(Generation.class));
        server.expectCustomResource(CustomResourceDefinitionContext.fromCustomResourceType(io.veroforge.api.v1alpha1.Canary.class));
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

    @Test
    void appReadsAndApprovalsImpersonateTheUser() throws Exception {
        console.resource(Tenants.ownedBy("imp-apps", OwnerKind.Group, "brightsmile-it")).create();
        ClusterClients clients = new ClusterClients(console, true);
        AppDirectory directory = new AppDirectory(new TenantDirectory(clients), clients);
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName("smile").withNamespace("tenant-imp-apps").build());
        app.setSpec(new AppSpecSpec());
        console.resource(app).create();
        Generation example = Apps.example();
        example.getMetadata().setNamespace("tenant-imp-apps");
        example.getMetadata().setName("smile-1");
        example.getMetadata().setLabels(java.util.Map.of(Generation.APPSPEC_LABEL, "smile"));
        console.resource(example).create();

        Generation found = directory.generation(LOPEZ, "imp-apps", "smile", "smile-1").orElseThrow();
        RecordedRequest read = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-apps/generations/smile-1");
        assertThat(read.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());

        assertThat(new GenerationDecisions(clients).decide(LOPEZ, found, GenerationDecisions.Decision.APPROVE, "ok")).isEmpty();
        RecordedRequest patch = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-apps/generations/smile-1");
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());
        assertThat(patch.getHeaders().headers("Impersonate-Group")).containsExactlyInAnyOrder("brightsmile-it", "dentists");
        assertThat(console.resources(Generation.class).inNamespace("tenant-imp-apps").withName("smile-1").get()
                .getMetadata().getAnnotations()).containsEntry(Generation.APPROVE_ANNOTATION, LOPEZ.name());
    }

    @Test
    void canaryReadsAndPromotionsImpersonateTheUser() throws Exception {
        console.resource(Tenants.ownedBy("imp-canary", OwnerKind.Group, "brightsmile-it")).create();
        ClusterClients clients = new ClusterClients(console, true);
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName("smile").withNamespace("tenant-imp-canary").build());
        app.setSpec(new AppSpecSpec());
        console.resource(app).create();
        io.veroforge.api.v1alpha1.Canary canary = io.veroforge.console.Canaries.example();
        canary.setMetadata(new ObjectMetaBuilder().withName("smile-2").withNamespace("tenant-imp-canary")
                .withLabels(java.util.Map.of(Generation.GENERATION_LABEL, "smile-2")).build());
        canary.getSpec().getTarget().setAppSpec("smile");
        console.resource(canary).create();
        var directory = new io.veroforge.console.canaries.CanaryDirectory(new AppDirectory(new TenantDirectory(clients), clients), clients);

        var found = directory.canary(LOPEZ, "imp-canary", "smile", "smile-2").orElseThrow();
        RecordedRequest read = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-canary/canaries/smile-2");
        assertThat(read.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());

        var actions = new io.veroforge.console.canaries.CanaryActions(clients);
        assertThat(actions.apply(LOPEZ, found, io.veroforge.console.canaries.CanaryActions.Action.PROMOTE,
                found.getMetadata().getResourceVersion())).isEmpty();
        RecordedRequest patch = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-canary/canaries/smile-2");
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());
        assertThat(patch.getHeaders().headers("Impersonate-Group")).containsExactlyInAnyOrder("brightsmile-it", "dentists");
        assertThat(console.resources(io.veroforge.api.v1alpha1.Canary.class).inNamespace("tenant-imp-canary").withName("smile-2").get()
                .getMetadata().getAnnotations()).containsEntry(io.veroforge.api.v1alpha1.Canary.ACTOR_ANNOTATION, LOPEZ.name());
    }

    @Test
    void chatWritesAndTheDiffViewersSecretReadImpersonateTheUser() throws Exception {
        ClusterClients clients = new ClusterClients(console, true);
        var chat = new io.veroforge.console.chat.ChatWrites(clients);
        assertThat(chat.start(LOPEZ, "tenant-imp-chat", "smile-chat", null, "Patients book cleanings.")).isEmpty();
        RecordedRequest create = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-chat/appspecs");
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());
        AppSpec draft = console.resources(AppSpec.class).inNamespace("tenant-imp-chat").withName("smile-chat").get();
        assertThat(chat.say(LOPEZ, draft, "Hygienists clean teeth.", draft.getMetadata().getResourceVersion())).isEmpty();
        RecordedRequest update = lastRequestTo("/apis/veroforge.io/v1alpha1/namespaces/tenant-imp-chat/appspecs/smile-chat");
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getHeaders().headers("Impersonate-Group")).containsExactlyInAnyOrder("brightsmile-it", "dentists");

        var mirror = new io.veroforge.console.diffs.AppRepositoryMirror(clients,
                java.nio.file.Files.createTempDirectory("imp-git").toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mirror.fetched(LOPEZ, "tenant-imp-chat", "smile-chat",
                "http://127.0.0.1:9/tenant-imp-chat/smile-chat.git")).hasMessageContaining("smile-chat-git-credentials");
        RecordedRequest secret = lastRequestTo("/api/v1/namespaces/tenant-imp-chat/secrets/smile-chat-git-credentials");
        assertThat(secret.getHeader("Impersonate-User")).isEqualTo(LOPEZ.name());
    }

    private RecordedRequest lastRequestTo(String path) throws InterruptedException {
        RecordedRequest found = null;
        // getRequestCount counts every request ever; takeRequest blocks once the queue is drained
        for (int i = server.getRequestCount() - taken; i > 0; i--, taken++) {
            RecordedRequest request = server.takeRequest();
            if (request.getPath().startsWith(path)) {
                found = request;
            }
        }
        assertThat(found).as("a request to " + path + " among " + List.of(server.getRequestCount())).isNotNull();
        return found;
    }
}
