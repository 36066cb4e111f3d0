package io.veroforge.operator;

import java.util.Comparator;

/**
 * One verb on one resource of one API group, optionally limited to one object name: the unit in
 * which {@link HelmChartTest} compares what the operator uses with what its ClusterRole grants.
 *
 * @param group        API group, {@code ""} for the core group
 * @param resource     plural resource name, or {@code plural/subresource}
 * @param verb         RBAC verb
 * @param resourceName the one object the permission is limited to, or {@code null} for all
 */
record RbacPermission(String group, String resource, String verb, String resourceName) {

    static final Comparator<RbacPermission> ORDER = Comparator.comparing(RbacPermission::group)
            .thenComparing(RbacPermission::resource)
            .thenComparing(RbacPermission::verb)
            .thenComparing(p -> p.resourceName() == null ? "" : p.resourceName());

    /** True if a grant of {@code this} allows {@code needed}: same verb and resource, and any or the same name. */
    boolean allows(RbacPermission needed) {
        return group.equals(needed.group) && resource.equals(needed.resource) && verb.equals(needed.verb)
                && (resourceName == null || resourceName.equals(needed.resourceName));
    }

    @Override
    public String toString() {
        String where = group.isEmpty() ? resource : group + "/" + resource;
        return verb + " " + where + (resourceName == null ? "" : " (only " + resourceName + ")");
    }
}
