package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

/** When a Generation needs a human's approval before it touches the database and the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApprovalSpec {

    @Default("auto-unless-risky")
    @JsonPropertyDescription("manual: every Generation waits for approval. auto: none waits. auto-unless-risky (default): waits when a migration step is destructive, a security finding is high or critical, or a PHI/card-data field changes. Approve with: kubectl annotate generation <name> veroforge.io/approve=<you>.")
    private ApprovalPolicy policy = ApprovalPolicy.AUTO_UNLESS_RISKY;

    public ApprovalPolicy getPolicy() {
        return policy;
    }

    public void setPolicy(ApprovalPolicy policy) {
        this.policy = policy;
    }
}
