package io.veroforge.api.v1alpha1;

/** Whether a Generation may go on to migrate and deploy. */
public enum ApprovalState {
    /** The policy did not require approval. */
    NotRequired,
    /** Waiting for the veroforge.io/approve or veroforge.io/reject annotation. */
    Pending,
    Approved,
    Rejected
}
