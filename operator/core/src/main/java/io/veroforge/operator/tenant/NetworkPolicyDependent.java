package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.InTenantNamespaceDependent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.operator.config.PlatformConfig;

/**
 * Ingress isolation for every pod of the tenant. A policy that selects all pods for Ingress
 * denies everything it does not list, so one policy says the whole rule: the tenant's own
 * namespace, the platform namespace, the ingress controller and any namespace the Tenant names.
 * Namespaces are matched on {@code kubernetes.io/metadata.name}, which the API server sets and
 * tenants cannot forge.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class NetworkPolicyDependent extends InTenantNamespaceDependent<NetworkPolicy> {
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    @Inject
    PlatformConfig config;

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class, TenantObjects.NETWORK_POLICY);
    }

    @Override
    protected NetworkPolicy desired(Tenant tenant, Context<Tenant> context) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        peers.add(new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder().build()).build());
        for (String namespace : allowedNamespaces(tenant)) {
            peers.add(new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME_LABEL, namespace).build())
                    .build());
        }
        return new NetworkPolicyBuilder()
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.NETWORK_POLICY))
                .withNewSpec()
                .withPodSelector(new LabelSelectorBuilder().build())
                .withPolicyTypes("Ingress")
                .addNewIngress().withFrom(peers).endIngress()
                .endSpec()
                .build();
    }

    private Set<String> allowedNamespaces(Tenant tenant) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(config.platformNamespace());
        namespaces.add(config.tenant().ingressNamespace());
        if (tenant.getSpec().getNetwork() != null) {
            namespaces.addAll(tenant.getSpec().getNetwork().getAllowFromNamespaces());
        }
        namespaces.remove(tenant.namespaceName());
        return namespaces;
    }
}
