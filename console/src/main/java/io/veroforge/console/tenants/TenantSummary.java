package io.veroforge.console.tenants;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantQuota;
import io.veroforge.api.v1alpha1.TenantStatus;
import io.veroforge.console.conditions.ConditionLine;

/**
 * What the list and the live view show of a Tenant. {@code problem} is the first failing condition (reason and
 * message), never hidden behind a Ready mark: Ready is shown only when it is True and nothing else fails.
 */
public record TenantSummary(String name, String displayName, String tier, String namespace, String state,
        String reason, String message, Map<String, String> quota, Map<String, String> quotaUsage,
        String deletionPolicy, List<String> owners) {

    public static final String READY = ConditionLine.READY;
    public static final String NOT_READY = ConditionLine.NOT_READY;
    public static final String PENDING = ConditionLine.PENDING;

    public static TenantSummary of(Tenant tenant) {
        TenantStatus status = tenant.getStatus();
        ConditionLine line = ConditionLine.of(status == null ? null : status.getConditions(), "Ready", "Tenant");
        var spec = tenant.getSpec();
        return new TenantSummary(tenant.getMetadata().getName(),
                spec.getDisplayName() == null ? tenant.getMetadata().getName() : spec.getDisplayName(),
                spec.getTier() == null ? "basic" : spec.getTier().name(),
                status == null || status.getNamespace() == null ? "" : status.getNamespace(),
                line.state(), line.reason(), line.message(),
                quota(spec.getQuota()),
                status == null || status.getQuotaUsage() == null ? Map.of() : new TreeMap<>(status.getQuotaUsage()),
                spec.getDeletionPolicy() == null ? "Retain" : spec.getDeletionPolicy().name(),
                spec.getOwners() == null ? List.of()
                        : spec.getOwners().stream().map(o -> o.getKind() + " " + o.getName()).toList());
    }

    private static Map<String, String> quota(TenantQuota quota) {
        Map<String, String> shown = new TreeMap<>();
        if (quota != null) {
            if (quota.getCpu() != null) {
                shown.put("cpu", quota.getCpu().toString());
            }
            if (quota.getMemory() != null) {
                shown.put("memory", quota.getMemory().toString());
            }
            if (quota.getStorage() != null) {
                shown.put("storage", quota.getStorage().toString());
            }
            if (quota.getPods() != null) {
                shown.put("pods", quota.getPods().toString());
            }
        }
        return shown;
    }

}
