package io.veroforge.operator.tenant;

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

    /** CloudNativePG reports a cluster that serves traffic as {@code readyInstances == instances}. */
    static boolean isReady(GenericKubernetesResource cluster) {
        Object status = cluster.getAdditionalProperties().get("status");
        Object spec = cluster.getAdditionalProperties().get("spec");
        if (!(status instanceof Map<?, ?> s) || !(spec instanceof Map<?, ?> sp)) {
            return false;
        }
        Object ready = s.get("readyInstances");
        Object wanted = sp.get("instances");
        return ready instanceof Number r && wanted instanceof Number w && r.intValue() >= w.intValue();
    }

    static String phase(GenericKubernetesResource cluster) {
        Object status = cluster.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> s && s.get("phase") != null ? s.get("phase").toString() : "no status yet";
    }
}
