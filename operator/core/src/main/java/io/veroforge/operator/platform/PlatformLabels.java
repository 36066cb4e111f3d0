package io.veroforge.operator.platform;

/** The label on everything the platform creates, whichever reconciler creates it. */
public final class PlatformLabels {
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "veroforge";
    /** Informers watch only what the platform made, so memory does not grow with the cluster. */
    public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

    private PlatformLabels() {
    }
}
