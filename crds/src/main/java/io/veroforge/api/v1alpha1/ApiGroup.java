package io.veroforge.api.v1alpha1;

/** Names shared by every kind of the API. */
public final class ApiGroup {
    public static final String GROUP = "veroforge.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** {@code kubectl get veroforge} lists every kind. */
    public static final String CATEGORY = "veroforge";
    /** Label put on everything the platform creates for a tenant. */
    public static final String TENANT_LABEL = GROUP + "/tenant";

    private ApiGroup() {
    }
}
