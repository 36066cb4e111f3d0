package io.veroforge.api.v1alpha1;

/** How a generated revision reaches the cluster. */
public enum DeliveryMode {
    /** The operator applies the manifests itself. */
    direct,
    /** The manifests are committed to Git and an ArgoCD Application syncs them. */
    gitops
}
