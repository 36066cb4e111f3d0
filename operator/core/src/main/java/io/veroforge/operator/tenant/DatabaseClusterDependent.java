package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.ByTenantLabel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantDatabaseSpec;
import io.veroforge.operator.db.TenantDatabaseNames;

/**
 * An enterprise tenant's own PostgreSQL: a CloudNativePG {@code Cluster} in its namespace,
 * bootstrapped with the tenant's credentials Secret. Generic rather than typed because the
 * platform must not require the CNPG model on its classpath, and the dependent is only
 * activated for enterprise tenants so clusters without CNPG never watch for it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class DatabaseClusterDependent extends GenericKubernetesDependentResource<Tenant>
        implements Creator<GenericKubernetesResource, Tenant>, Updater<GenericKubernetesResource, Tenant>, GarbageCollected<Tenant> {
    public static final GroupVersionKind CLUSTER = new GroupVersionKind("postgresql.cnpg.io", "v1", "Cluster");

    public DatabaseClusterDependent() {
        super(CLUSTER);
    }

    @Override
    protected GenericKubernetesResource desired(Tenant tenant, Context<Tenant> context) {
        TenantDatabaseSpec db = tenant.getSpec().getDatabase() == null ? new TenantDatabaseSpec() : tenant.getSpec().getDatabase();
        int instances = db.getInstances() == null ? 1 : db.getInstances();
        String storage = db.getStorage() == null ? "10Gi" : db.getStorage().toString();
        String role = TenantDatabaseNames.of(tenant.getMetadata().getName()).role();
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(CLUSTER.apiVersion())
                .withKind(CLUSTER.getKind())
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.DATABASE_CLUSTER))
                .addToAdditionalProperties("spec", Map.of(
                        "instances", instances,
                        "storage", Map.of("size", storage),
                        "bootstrap", Map.of("initdb", Map.of(
                                "database", DatabaseLocation.CLUSTER_DATABASE,
                                "owner", role,
                                "secret", Map.of("name", TenantObjects.CREDENTIALS_SECRET),
                                "postInitApplicationSQL", List.of(
                                        "REVOKE ALL ON SCHEMA public FROM PUBLIC")))))
                .build();
    }

    @Override
    protected Optional<SecondaryToPrimaryMapper<GenericKubernetesResource>> getSecondaryToPrimaryMapper(EventSourceContext<Tenant> context) {
        return Optional.of(new ByTenantLabel<>());
    }

    @Override
    protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
        return new ResourceID(TenantObjects.DATABASE_CLUSTER, tenant.namespaceName());
    }

    /**
     * Whether CloudNativePG reports the cluster as serving: its {@code Ready} condition is True
     * (what CNPG's own {@code kubectl wait --for=condition=Ready cluster/...} reads), or, from
     * versions that do not set conditions yet, every wanted instance is ready
     * ({@code status.readyInstances} ≥ {@code status.instances}, else {@code spec.instances}).
     */
    static boolean isReady(GenericKubernetesResource cluster) {
        Map<?, ?> status = map(cluster.getAdditionalProperties().get("status"));
        Optional<Map<?, ?>> ready = readyCondition(status);
        if (ready.isPresent()) {
            return "True".equals(String.valueOf(ready.get().get("status")));
        }
        Object readyInstances = status.get("readyInstances");
        Object wanted = status.get("instances") != null ? status.get("instances")
                : map(cluster.getAdditionalProperties().get("spec")).get("instances");
        return readyInstances instanceof Number r && wanted instanceof Number w && w.intValue() > 0 && r.intValue() >= w.intValue();
    }

    /** What CloudNativePG says about the cluster, in its words: phase, ready instances and the Ready condition's message. */
    static String describe(GenericKubernetesResource cluster) {
        Map<?, ?> status = map(cluster.getAdditionalProperties().get("status"));
        if (status.isEmpty()) {
            return "created, no status from CloudNativePG yet (is its operator running?)";
        }
        StringBuilder said = new StringBuilder(status.get("phase") != null ? status.get("phase").toString() : "no phase");
        if (status.get("readyInstances") != null || status.get("instances") != null) {
            said.append(", ").append(status.get("readyInstances") == null ? 0 : status.get("readyInstances"))
                    .append("/").append(status.get("instances") == null ? "?" : status.get("instances")).append(" instances ready");
        }
        readyCondition(status).filter(c -> !"True".equals(String.valueOf(c.get("status"))))
                .ifPresent(c -> said.append(", Ready=").append(c.get("status")).append(" ").append(c.get("reason"))
                        .append(c.get("message") == null ? "" : ": " + c.get("message")));
        return said.toString();
    }

    private static Optional<Map<?, ?>> readyCondition(Map<?, ?> status) {
        if (!(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream().map(DatabaseClusterDependent::map).filter(c -> "Ready".equals(c.get("type"))).findFirst();
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }
}
