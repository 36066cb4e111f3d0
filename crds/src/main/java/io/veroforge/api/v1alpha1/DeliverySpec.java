package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

/** How a generated revision gets from Git to the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeliverySpec {

    @Default("direct")
    @JsonPropertyDescription("direct (default): the operator applies the manifests. gitops: an ArgoCD Application syncs them from Git.")
    private DeliveryMode mode = DeliveryMode.direct;

    @JsonPropertyDescription("Remote repository for the generated code. Unset: a repository kept by the platform and served over HTTP (ArgoCD reads it from there in gitops mode).")
    private GitRepositorySpec git;

    public DeliveryMode getMode() {
        return mode;
    }

    public void setMode(DeliveryMode mode) {
        this.mode = mode;
    }

    public GitRepositorySpec getGit() {
        return git;
    }

    public void setGit(GitRepositorySpec git) {
        this.git = git;
    }
}
