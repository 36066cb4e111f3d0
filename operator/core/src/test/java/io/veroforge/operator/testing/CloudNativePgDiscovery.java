package io.veroforge.operator.testing;

import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * A cluster with CloudNativePG installed answers discovery for {@code postgresql.cnpg.io/v1};
 * the CRUD mock answers nothing, and JOSDK's generic informer needs it to find the plural.
 * This serves the same document the CNPG CRDs would publish.
 */
public class CloudNativePgDiscovery implements Consumer<KubernetesServer> {
    @Override
    public void accept(KubernetesServer server) {
        server.expect().get().withPath("/apis/postgresql.cnpg.io/v1")
                .andReturn(200, new APIResourceListBuilder()
                        .withGroupVersion("postgresql.cnpg.io/v1")
                        .addToResources(new APIResourceBuilder()
                                .withName("clusters").withSingularName("cluster").withKind("Cluster").withNamespaced(true)
                                .withVerbs("get", "list", "watch", "create", "update", "patch", "delete").build())
                        .addToResources(new APIResourceBuilder()
                                .withName("clusters/status").withKind("Cluster").withNamespaced(true)
                                .withVerbs("get", "update", "patch").build())
                        .build())
                .always();
    }
}
