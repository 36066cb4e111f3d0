package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a Generation waits for a human before it migrates the database and deploys. */
public enum ApprovalPolicy {
    /** Every Generation waits for the {@code veroforge.io/approve} annotation. */
    @JsonProperty("manual") MANUAL,
    /** No Generation waits. */
    @JsonProperty("auto") AUTO,
    /**
     * Waits only when the Generation is risky: a destructive migration step, a security finding
     * of high or critical severity, or a change to a PHI/card-data field.
     */
    @JsonProperty("auto-unless-risky") AUTO_UNLESS_RISKY
}
