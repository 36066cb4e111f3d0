package io.veroforge.operator.delivery;

/** How far ArgoCD got with an app's Application. */
public sealed interface SyncProgress {

    /** Synced and Healthy at the target revision. */
    record Synced(String revision) implements SyncProgress {
    }

    /** @param message ArgoCD's current sync, health and operation state */
    record Waiting(String message) implements SyncProgress {
    }

    /** @param message ArgoCD's own message, with the Application to look at */
    record Failed(String message) implements SyncProgress {
    }
}
