package io.veroforge.localapi;

import java.util.List;

/**
 * The non-CRD kinds the local API announces, i.e. what the platform itself creates or reads:
 * namespaces and their guard rails, RBAC, workloads, CloudNativePG clusters, Argo CD
 * applications. Announcing them lets {@code kubectl get ns,resourcequota -n tenant-acme}
 * inspect what the operator made; the CRUD store accepts any kind regardless.
 */
final class BuiltInApiResources {

    private BuiltInApiResources() {
    }

    static final List<ApiResourceType> ALL = List.of(
            ApiResourceType.builtIn("", "v1", "namespaces", "Namespace", false, "ns"),
            ApiResourceType.builtIn("", "v1", "secrets", "Secret", true),
            ApiResourceType.builtIn("", "v1", "configmaps", "ConfigMap", true, "cm"),
            ApiResourceType.builtIn("", "v1", "services", "Service", true, "svc"),
            ApiResourceType.builtIn("", "v1", "resourcequotas", "ResourceQuota", true, "quota"),
            ApiResourceType.builtIn("", "v1", "limitranges", "LimitRange", true, "limits"),
            ApiResourceType.builtIn("", "v1", "events", "Event", true, "ev"),
            ApiResourceType.builtIn("", "v1", "serviceaccounts", "ServiceAccount", true, "sa"),
            ApiResourceType.builtIn("", "v1", "pods", "Pod", true, "po"),
            ApiResourceType.builtIn("apps", "v1", "deployments", "Deployment", true, "deploy"),
            ApiResourceType.builtIn("apps", "v1", "statefulsets", "StatefulSet", true, "sts"),
            ApiResourceType.builtIn("apps", "v1", "replicasets", "ReplicaSet", true, "rs"),
            ApiResourceType.builtIn("apps", "v1", "daemonsets", "DaemonSet", true, "ds"),
            ApiResourceType.builtIn("batch", "v1", "jobs", "Job", true),
            ApiResourceType.builtIn("batch", "v1", "cronjobs", "CronJob", true, "cj"),
            ApiResourceType.builtIn("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, "netpol"),
            ApiResourceType.builtIn("networking.k8s.io", "v1", "ingresses", "Ingress", true, "ing"),
            ApiResourceType.builtIn("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
            ApiResourceType.builtIn("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
            ApiResourceType.builtIn("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
            ApiResourceType.builtIn("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding",
                    false),
            ApiResourceType.builtIn("apiextensions.k8s.io", "v1", "customresourcedefinitions",
                    "CustomResourceDefinition", false, "crd", "crds"),
            ApiResourceType.builtIn("coordination.k8s.io", "v1", "leases", "Lease", true),
            ApiResourceType.builtIn("events.k8s.io", "v1", "events", "Event", true, "ev"),
            ApiResourceType.builtIn("postgresql.cnpg.io", "v1", "clusters", "Cluster", true),
            ApiResourceType.builtIn("argoproj.io", "v1alpha1", "applications", "Application", true, "app", "apps"));
}
