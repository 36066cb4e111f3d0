package io.veroforge.console.apps;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.console.conditions.ConditionLine;

/**
 * What the app list shows of an AppSpec: its latest and deployed Generation and its state, which is the reason and
 * message of the first failing condition (Resolved, Deployed) rather than a Ready mark over a failure; a draft (the
 * requirement chat's) says so.
 */
public record AppSummary(String name, String tenant, String vertical, String latestGeneration, String deployedGeneration,
        String appUrl, String state, String reason, String message, boolean draft) {

    public static AppSummary of(String tenant, AppSpec app) {
        AppSpecStatus status = app.getStatus();
        ConditionLine line = ConditionLine.of(status == null ? null : status.getConditions(), "Ready", "AppSpec");
        return new AppSummary(app.getMetadata().getName(), tenant,
                app.getSpec() == null || app.getSpec().getVertical() == null ? "" : app.getSpec().getVertical(),
                status == null || status.getLatestGeneration() == null ? "" : status.getLatestGeneration(),
                status == null || status.getDeployedGeneration() == null ? "" : status.getDeployedGeneration(),
                status == null || status.getAppUrl() == null ? "" : status.getAppUrl(),
                line.state(), line.reason(), line.message(), app.getSpec() != null && app.getSpec().drafted());
    }
}
