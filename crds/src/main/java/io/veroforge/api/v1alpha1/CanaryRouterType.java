package io.veroforge.api.v1alpha1;

/** The traffic routers a Canary can use; Istio or NGINX would be further constants. */
public enum CanaryRouterType {
    replicas, gatewayApi
}
