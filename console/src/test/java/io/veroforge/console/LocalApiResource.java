package io.veroforge.console;

import java.util.Map;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.veroforge.api.v1alpha1.CrdManifests;
import io.veroforge.localapi.LocalKubernetesApi;

/**
 * The console's Kubernetes API in tests: the project's local API (validates CRs like kube-apiserver, honours
 * dryRun=All, no RBAC, no controllers). Tests play the operator's part by writing status themselves.
 */
public class LocalApiResource implements QuarkusTestResourceLifecycleManager {
    private static LocalKubernetesApi api;

    @Override
    public Map<String, String> start() {
        api = LocalKubernetesApi.start(0);
        api.install(CrdManifests.definitions());
        return Map.of("quarkus.kubernetes-client.api-server-url", api.url(),
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.namespace", "default",
                "quarkus.kubernetes-client.devservices.enabled", "false");
    }

    /** A client of the same API, acting as the operator or an administrator; the caller closes it. */
    public static KubernetesClient admin() {
        return api.newClient();
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
