package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a Generation's code was committed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitCommit {
    private String repository;
    private String branch;
    private String sha;

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getSha() {
        return sha;
    }

    public void setSha(String sha) {
        this.sha = sha;
    }
}
