package io.veroforge.operator.delivery;

/** Where users reach a deployed app: its UI Service, or its public host when a domain is configured. */
public final class AppUrl {
    private AppUrl() {
    }

    /**
     * {@code https://<app>.<tenant>.<publicDomain>} when {@code publicDomain} is set, else the in-cluster
     * URL of the UI Service, {@code http://<slug>-ui.<namespace>.svc.cluster.local}.
     *
     * @param publicDomain null or blank for none
     */
    public static String of(String app, String tenant, String slug, String namespace, String publicDomain) {
        if (publicDomain != null && !publicDomain.isBlank()) {
            return "https://" + app + "." + tenant + "." + publicDomain.strip().replaceAll("^\\.+|\\.+$", "");
        }
        return "http://" + slug + "-ui." + namespace + ".svc.cluster.local";
    }
}
