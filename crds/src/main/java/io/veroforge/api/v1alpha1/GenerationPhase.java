package io.veroforge.api.v1alpha1;

/** Where a Generation is in its life, at a glance. */
public enum GenerationPhase {
    Pending, Running, AwaitingApproval, Succeeded, Failed, Rejected, Superseded
}
