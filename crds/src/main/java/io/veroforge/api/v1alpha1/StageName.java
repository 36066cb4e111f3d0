package io.veroforge.api.v1alpha1;

/** The stages of a Generation, in the order they run. */
public enum StageName {
    /** Merge the AppSpec, the requirements analysis and the vertical's ontology into one model. */
    Resolve,
    /** Render the template pack and fill the gaps (AI or template-only). */
    Synthesize,
    /** Security scan of the generated code. */
    Scan,
    /** Commit to the generated branch and merge into the customer's branch. */
    Commit,
    /** Wait for approval when the policy requires it. */
    AwaitApproval,
    /** Apply the database migration. */
    Migrate,
    /** Build the container image. */
    Build,
    /** Apply the manifests (or let ArgoCD sync them), directly or through a Canary. */
    Deploy,
    /** Check the deployed app answers its health and smoke checks. */
    Verify
}
